import type { Address, Hex } from 'viem'
import type { ListingSecret, PurchaseRecord } from './types'

/**
 * Where a keystore keeps its values: string keys, structured-clone values (IndexedDB through
 * idb-keyval in the browser, a Map in tests). Like wagmi's `Storage`, the keystore asks nothing more.
 */
export type KeystoreStorage = {
  get<T>(key: string): Promise<T | undefined>
  set(key: string, value: unknown): Promise<void>
  delete(key: string): Promise<void>
  /** Every entry whose key starts with `prefix`. */
  entries<T>(prefix: string): Promise<[string, T][]>
  /** Replaces a value with `fn(old)` atomically (no other write of this storage in between). */
  update<T>(key: string, fn: (old: T | undefined) => T): Promise<void>
}

/** An account and chain, which most records are kept under. */
export type ChainAccount = { chainId: number; account: Address }

/** A creator on a chain. */
export type ChainCreator = { chainId: number; creator: Address }

/**
 * Every secret and record this browser keeps for the paywall: what the buyer bought, what the
 * creator listed, the keys that open both. One object handed to whoever needs it
 * (see {@link createKeystore}); nothing else reaches into the stores.
 */
export type Keystore = {
  /** The account secret this browser session derived for `account`, if any (one of an earlier session is deleted). */
  loadAccountSecret(params: ChainAccount): Promise<Hex | undefined>
  /** Caches the account secret for this browser session only (it derives every key of the account). */
  saveAccountSecret(params: ChainAccount & { secret: Hex }): Promise<void>
  /** The purchases this device knows on `chainId`, optionally one buyer's or one listing's. */
  listPurchases(params: { chainId: number; buyer?: Address; contentId?: bigint }): Promise<PurchaseRecord[]>
  /** Keeps (or updates) a purchase. */
  savePurchase(record: PurchaseRecord): Promise<void>
  /** The listing secrets this device holds on `chainId`, optionally only `creator`'s. */
  listListingSecrets(params: { chainId: number; creator?: Address }): Promise<ListingSecret[]>
  /** Keeps a listing's content key and delivery secret on the creator's device. */
  saveListingSecret(secret: ListingSecret): Promise<void>
  /** The hot agent key this browser keeps for `creator`, made on first use (it only delivers keys). */
  loadAgentKey(params: ChainCreator): Promise<Hex>
  /** The listing salts this device has taken for `creator`, listed or not. */
  loadReservedSalts(params: ChainCreator): Promise<Hex[]>
  /** Marks a listing salt as taken before anything is encrypted with it, so it is never reused. */
  reserveSalt(params: ChainCreator & { salt: Hex }): Promise<void>
}
