import { del, get } from 'idb-keyval'
import type { Address, Hex } from 'viem'
import { browserSessionId } from './browserSessionId'
import { paywallStore } from './paywallStore'
import { type CachedAccountSecret, accountSecretKey } from './saveAccountSecret'

/**
 * The account secret this browser session derived before for `account` on `chainId`, if any.
 * One cached by an earlier session (or by a version that kept it for good) is deleted instead.
 */
export async function loadAccountSecret({
  chainId,
  account,
}: {
  chainId: number
  account: Address
}): Promise<Hex | undefined> {
  const key = accountSecretKey({ chainId, account })
  const cached = await get<CachedAccountSecret | Hex>(key, paywallStore())
  if (cached === undefined) return undefined
  const session = browserSessionId()
  if (typeof cached === 'object' && session && cached.session === session) return cached.secret
  await del(key, paywallStore())
  return undefined
}
