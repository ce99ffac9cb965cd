import { set } from 'idb-keyval'
import type { Address, Hex } from 'viem'
import { browserSessionId } from './browserSessionId'
import { paywallStore } from './paywallStore'

/** What {@link saveAccountSecret} keeps: the secret and the browser session it belongs to. */
export type CachedAccountSecret = { secret: Hex; session: string }

/** Where {@link saveAccountSecret} keeps the account secret of `account` on `chainId`. */
export function accountSecretKey({ chainId, account }: { chainId: number; account: Address }): string {
  return `account:${chainId}:${account.toLowerCase()}`
}

/**
 * Caches the account secret of `account` for this browser session (shared/DESIGN.md: "cached in
 * IndexedDB for the session"), so later steps need no new signature until the browser closes.
 * Purchased content keys and listing secrets are kept apart and outlive it; the account secret,
 * which derives every key of the account, does not.
 */
export async function saveAccountSecret({
  chainId,
  account,
  secret,
}: {
  chainId: number
  account: Address
  secret: Hex
}) {
  const session = browserSessionId()
  if (!session) return
  await set(accountSecretKey({ chainId, account }), { secret, session } satisfies CachedAccountSecret, paywallStore())
}
