import type { Hex, PublicClient } from 'viem'
import type { Config } from 'wagmi'
import type { Deployment } from '../chain/deployments/index'
import { obtainAccountSecret } from '../chain/obtainAccountSecret'
import { prepareWallet } from '../chain/prepareWallet'
import { purchaseListing } from '../chain/purchaseListing'
import type { ListingState } from '../chain/readListing'
import { readPurchases } from '../chain/readPurchases'
import { receiptKey, sessionKey } from '../crypto'
import { receiveKey } from './receiveKey'
import { savePurchase } from './savePurchase'
import type { PurchaseRecord } from './types'

/** The step an unlock is at, for the waiting UI. */
export type UnlockStep =
  'connect' | 'sign' | 'approve' | 'purchase' | 'waiting' | 'verifying' | 'disputing' | 'refunding'

/** Parameters of {@link unlockListing}. */
export type UnlockListingParameters = {
  deployment: Deployment
  listing: ListingState
  onStep?: (step: UnlockStep) => void
  /** Called once the purchase is on chain (before the key arrives). */
  onPurchased?: (purchase: { purchaseId: bigint; gasUsed: bigint; approveGasUsed: bigint }) => void
  /** A failed look at the chain while waiting for the key; the wait goes on. */
  onRetry?: (error: unknown) => void
  signal?: AbortSignal
}

/**
 * Buys a listing and returns its verified content key: one signature for the account secret (once
 * per device), an approval when a token allowance is short, the purchase, then the wait for the
 * creator's agent to deliver; the sealed key is opened with the session secret and checked
 * against keyHash. The purchase is kept on this device at once, the key when it is verified.
 * @throws KeyDisputedError when the delivered key was wrong: the tab has disputed it and the buyer is refunded.
 */
export async function unlockListing(
  config: Config,
  publicClient: PublicClient,
  params: UnlockListingParameters,
): Promise<Hex> {
  const { deployment, listing, onStep, onPurchased, onRetry, signal } = params
  onStep?.('connect')
  const buyer = await prepareWallet(config, { chainId: deployment.chainId })
  onStep?.('sign')
  const secret = await obtainAccountSecret(config, { deployment, account: buyer })
  // The nonce counts this buyer's earlier purchases of the listing, so another device finds b again.
  const nonce = BigInt((await readPurchases(publicClient, { deployment, buyer, contentId: listing.contentId })).length)
  const session = sessionKey({ accountSecret: secret, contentId: listing.contentId, nonce })
  // Receipts are signed by a key of their own: a dispute reveals b, never r.
  const receipt = receiptKey({ accountSecret: secret, contentId: listing.contentId, nonce })
  const bought = await purchaseListing(config, {
    deployment,
    buyer,
    contentId: listing.contentId,
    token: listing.token,
    price: listing.currentPrice,
    session: session.publicKey,
    receiptSigner: receipt.address,
    onStep,
  })
  const record: PurchaseRecord = {
    chainId: deployment.chainId,
    purchaseId: String(bought.purchaseId),
    contentId: String(listing.contentId),
    buyer,
    nonce: String(nonce),
    infoHash: listing.infoHash,
    blockNumber: String(bought.blockNumber),
  }
  // Kept before the wait, so a reload (or another tab) resumes it: see findOpenPurchase.
  await savePurchase(record)
  onPurchased?.(bought)
  return receiveKey(config, publicClient, {
    deployment,
    listing,
    record,
    sessionSecret: session.secret,
    onStep,
    onRetry,
    signal,
  })
}
