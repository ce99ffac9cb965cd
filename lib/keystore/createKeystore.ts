import type { Address, Hex } from 'viem'
import { generatePrivateKey } from 'viem/accounts'
import type { Keystore, KeystoreStorage } from './Keystore'
import type { CachedAccountSecret, ListingSecret, PurchaseRecord } from './types'

/** Parameters of {@link createKeystore}. */
export type CreateKeystoreParameters = {
  /** Account secrets, purchases, listing secrets and agent keys (the browser's `keyswarm-paywall` database). */
  secrets: KeystoreStorage
  /** The publish flow's bookkeeping: listing salts taken (the browser's `keyswarm-publish` database). */
  salts: KeystoreStorage
  /**
   * The id of the browser session: an account secret is kept for it only. Undefined (no cookie,
   * a cross-site frame) keeps no account secret at all.
   */
  sessionId: () => string | undefined
  /** Makes a new agent key (viem's `generatePrivateKey`). */
  newAgentKey?: () => Hex
}

const lower = (address: Address) => address.toLowerCase()

/**
 * The keystore over its storages: every key and record the paywall keeps on this device, under
 * the keys earlier versions used (`account:`, `purchase:`, `listing:`, `agent:`, `salts:`), so an
 * update loses nothing. Modeled on wagmi's `createStorage({ storage, key })`.
 * @example
 * const keystore = createKeystore({ secrets: memoryStorage(), salts: memoryStorage(), sessionId: () => 's' })
 * await keystore.savePurchase(record)
 */
export function createKeystore({
  secrets,
  salts,
  sessionId,
  newAgentKey = generatePrivateKey,
}: CreateKeystoreParameters): Keystore {
  const accountKey = ({ chainId, account }: { chainId: number; account: Address }) =>
    `account:${chainId}:${lower(account)}`
  const saltsKey = ({ chainId, creator }: { chainId: number; creator: Address }) => `salts:${chainId}:${lower(creator)}`
  return {
    async loadAccountSecret(params) {
      const key = accountKey(params)
      // Versions before sessions kept the bare secret: it is dropped like any other session's.
      const cached = await secrets.get<CachedAccountSecret | Hex>(key)
      if (cached === undefined) return undefined
      const session = sessionId()
      if (typeof cached === 'object' && session && cached.session === session) return cached.secret
      await secrets.delete(key)
      return undefined
    },
    async saveAccountSecret({ secret, ...params }) {
      const session = sessionId()
      if (!session) return
      await secrets.set(accountKey(params), { secret, session } satisfies CachedAccountSecret)
    },
    async listPurchases({ chainId, buyer, contentId }) {
      return (await secrets.entries<PurchaseRecord>(`purchase:${chainId}:`))
        .map(([, value]) => value)
        .filter((p) => !buyer || lower(p.buyer) === lower(buyer))
        .filter((p) => contentId === undefined || p.contentId === String(contentId))
    },
    async savePurchase(record) {
      await secrets.set(`purchase:${record.chainId}:${record.purchaseId}`, record)
    },
    async listListingSecrets({ chainId, creator }) {
      return (await secrets.entries<ListingSecret>(`listing:${chainId}:`))
        .map(([, value]) => value)
        .filter((s) => !creator || lower(s.creator) === lower(creator))
    },
    async saveListingSecret(secret) {
      await secrets.set(`listing:${secret.chainId}:${secret.contentId}`, secret)
    },
    async loadAgentKey({ chainId, creator }) {
      const key = `agent:${chainId}:${lower(creator)}`
      const known = await secrets.get<Hex>(key)
      if (known) return known
      const fresh = newAgentKey()
      await secrets.set(key, fresh)
      return fresh
    },
    async loadReservedSalts(params) {
      return (await salts.get<Hex[]>(saltsKey(params))) ?? []
    },
    async reserveSalt({ salt, ...params }) {
      await salts.update<Hex[]>(saltsKey(params), (taken = []) => (taken.includes(salt) ? taken : [...taken, salt]))
    },
  }
}
