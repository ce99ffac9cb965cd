import type { Hex } from 'viem'

/** The step an unlock is at, for the waiting UI. */
export type UnlockStep =
  | 'connect'
  | 'sign'
  /** The listing's checks before paying (the torrent is what the listing says). */
  | 'verify'
  | 'approve'
  | 'purchase'
  | 'waiting'
  | 'verifying'
  | 'disputing'
  | 'refunding'

/** A purchase's clock on chain, in unix seconds (chain time). */
export type PurchaseClock = { purchasedAt: number; deliveryDeadline: number }

/**
 * Where a buyer's unlock of one listing is:
 * - `idle`: nothing going on (maybe after an error or a refund); Unlock and Restore are offered.
 * - `buying`: from the click to the purchase on chain (wallet, signature, checks, approval, purchase).
 * - `waiting`: paid, waiting for the creator's key, then checking it (and disputing a wrong one).
 * - `refunding`: taking the refund of an undelivered purchase.
 * - `restoring`: finding a purchase made on another device again with one signature.
 * - `owned`: the verified content key is here: play.
 */
export type UnlockPhase = 'idle' | 'buying' | 'waiting' | 'refunding' | 'restoring' | 'owned'

/** The buyer's unlock as the page renders it. */
export type UnlockState = {
  phase: UnlockPhase
  /** What the wallet or the wait is doing now; undefined when nothing is. */
  step?: UnlockStep
  /** The verified content key: play. */
  contentKey?: Hex
  error?: string
  /** What happened last, when it is not an error (a refund taken). */
  notice?: string
  purchaseId?: bigint
  gas?: { purchase: bigint; approve: bigint }
  /** The delivery deadline passed with no key: the buyer may take a refund. */
  refundable?: boolean
  /** While waiting for the key: when the purchase was mined and its delivery deadline. */
  waiting?: PurchaseClock
  /** The wait resumed a purchase made before this page loaded (a reload, another tab). */
  resumed?: boolean
  /** The last look at the chain failed and is being retried (the wait goes on). */
  retrying?: string
}

/** What happens to an unlock: the hook dispatches these from the keystore, the wallet and the chain. */
export type UnlockEvent =
  /** This device already holds the listing's key (bought or restored here, maybe in another tab). */
  | { type: 'keyFound'; contentKey: Hex }
  | { type: 'unlockClicked' }
  | { type: 'stepReached'; step: Exclude<UnlockStep, 'refunding'> }
  | { type: 'purchased'; purchaseId: bigint; gas: { purchase: bigint; approve: bigint } }
  /** A purchase of this device still open on chain was found after a (re)load. */
  | { type: 'resumed'; purchaseId: bigint; clock: PurchaseClock; refundable: boolean }
  | { type: 'clockRead'; clock: PurchaseClock }
  | { type: 'deadlinePassed' }
  | { type: 'retrying'; message: string }
  | { type: 'keyReceived'; contentKey: Hex }
  /** The flow stopped: a rejected transaction, a wrong chain, a disputed key... as one sentence. */
  | { type: 'failed'; message: string }
  | { type: 'refundClicked' }
  | { type: 'refunded'; purchaseId: bigint; gasUsed: bigint }
  | { type: 'refundFailed'; message: string }
  | { type: 'restoreClicked' }
  | { type: 'restored'; contentKey?: Hex }
