import type { Address, Hex } from 'viem'

/** What a creator's device keeps to deliver a listing's key: never leaves the device but as agent secrets. */
export type ListingSecret = {
  chainId: number
  contentId: string
  creator: Address
  infoHash: string
  /** The content key K. */
  key: Hex
  /** The delivery secret c. */
  deliverySecret: Hex
  salt: Hex
}

/** A purchase made (or restored) on this device. Ids are decimal strings (IndexedDB has no bigint keys). */
export type PurchaseRecord = {
  chainId: number
  purchaseId: string
  contentId: string
  buyer: Address
  /** The session nonce: `sessionKey({ accountSecret, contentId, nonce })` gives b again. */
  nonce: string
  infoHash: string
  /** The block the purchase was mined in: the wait for its key reads events from there. */
  blockNumber?: string
  /** The verified content key, once delivered and checked against the listing's keyHash. */
  key?: Hex
}

/** How the keystore keeps an account secret: the secret and the browser session it belongs to. */
export type CachedAccountSecret = { secret: Hex; session: string }
