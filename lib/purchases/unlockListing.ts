import type { Hex, PublicClient } from 'viem'
import type { Config } from 'wagmi'
import type { Deployment } from '../chain/deployments/index'
import { disputePurchase } from '../chain/disputePurchase'
import { obtainAccountSecret } from '../chain/obtainAccountSecret'
import { prepareWallet } from '../chain/prepareWallet'
import { purchaseListing } from '../chain/purchaseListing'
import type { ListingState } from '../chain/readListing'
import { readPurchases } from '../chain/readPurchases'
import { sessionKey } from '../crypto'
import { KeyDisputedError, WrongKeyDeliveredError } from './errors'
import { openDelivery } from './openDelivery'
import { savePurchase } from './savePurchase'
import { waitForDelivery } from './waitForDelivery'

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
  const { deployment, listing, onStep, onPurchased, signal } = params
  onStep?.('connect')
  const buyer = await prepareWallet(config, { chainId: deployment.chainId })
  onStep?.('sign')
  const secret = await obtainAccountSecret(config, { deployment, account: buyer })
  // The nonce counts this buyer's earlier purchases of the listing, so another device finds b again.
  const nonce = BigInt((await readPurchases(publicClient, { deployment, buyer, contentId: listing.contentId })).length)
  const session = sessionKey({ accountSecret: secret, contentId: listing.contentId, nonce })
  const bought = await purchaseListing(config, {
    deployment,
    buyer,
    contentId: listing.contentId,
    token: listing.token,
    price: listing.currentPrice,
    session: session.publicKey,
    onStep,
  })
  const record = {
    chainId: deployment.chainId,
    purchaseId: String(bought.purchaseId),
    contentId: String(listing.contentId),
    buyer,
    nonce: String(nonce),
    infoHash: listing.infoHash,
  }
  await savePurchase(record)
  onPurchased?.(bought)
  onStep?.('waiting')
  const sealedKey = await waitForDelivery(publicClient, {
    deployment,
    purchaseId: bought.purchaseId,
    fromBlock: bought.blockNumber,
    signal,
  })
  onStep?.('verifying')
  let key: Hex
  try {
    key = openDelivery({
      sealedKey,
      sessionSecret: session.secret,
      deliveryPublicKey: listing.delivery,
      purchaseId: bought.purchaseId,
      keyHash: listing.keyHash,
    })
  } catch (error) {
    if (!(error instanceof WrongKeyDeliveredError)) throw error
    // The tab disputes by itself: revealing b costs nothing else, and the contract decides.
    onStep?.('disputing')
    await disputePurchase(config, {
      deployment,
      purchaseId: bought.purchaseId,
      sessionSecret: session.secret,
      sealedKey,
    })
    throw new KeyDisputedError(bought.purchaseId, { cause: error })
  }
  await savePurchase({ ...record, key })
  return key
}
