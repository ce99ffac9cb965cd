import type { Hex, PublicClient } from 'viem'
import type { Config } from 'wagmi'
import type { Deployment } from '../chain/deployments/index'
import { disputePurchase } from '../chain/disputePurchase'
import type { ListingState } from '../chain/readListing'
import { KeyDisputedError, WrongKeyDeliveredError } from './errors'
import { openDelivery } from './openDelivery'
import { savePurchase } from './savePurchase'
import type { PurchaseRecord } from './types'
import { waitForDelivery } from './waitForDelivery'

/** Parameters of {@link receiveKey}. */
export type ReceiveKeyParameters = {
  deployment: Deployment
  listing: Pick<ListingState, 'delivery' | 'keyHash'>
  /** The purchase as this device keeps it (saved when it was bought). */
  record: PurchaseRecord
  /** The purchase's session secret b. */
  sessionSecret: Hex
  onStep?: (step: 'waiting' | 'verifying' | 'disputing') => void
  /** A failed look at the chain; the wait goes on. */
  onRetry?: (error: unknown) => void
  signal?: AbortSignal
}

/**
 * The second half of an unlock, which a reloaded page resumes: waits for the purchase's
 * `Delivered` event, opens the sealed key with the session secret, checks it against keyHash and
 * keeps it on this device. A wrong key is disputed on chain at once, by this tab.
 * @throws KeyDisputedError when the delivered key was wrong: the tab disputed it and the buyer is refunded.
 */
export async function receiveKey(
  config: Config,
  publicClient: PublicClient,
  { deployment, listing, record, sessionSecret, onStep, onRetry, signal }: ReceiveKeyParameters,
): Promise<Hex> {
  const purchaseId = BigInt(record.purchaseId)
  onStep?.('waiting')
  const sealedKey = await waitForDelivery(publicClient, {
    deployment,
    purchaseId,
    fromBlock: record.blockNumber ? BigInt(record.blockNumber) : undefined,
    onRetry,
    signal,
  })
  onStep?.('verifying')
  let key: Hex
  try {
    key = openDelivery({
      sealedKey,
      sessionSecret,
      deliveryPublicKey: listing.delivery,
      purchaseId,
      keyHash: listing.keyHash,
    })
  } catch (error) {
    if (!(error instanceof WrongKeyDeliveredError)) throw error
    // The key is proven wrong here, so the tab disputes by itself: the contract decides. b is sent
    // only now (disputePurchase checks the proof again and the window before it reveals b).
    onStep?.('disputing')
    await disputePurchase(config, {
      deployment,
      purchaseId,
      sessionSecret,
      sealedKey,
      deliveryPublicKey: listing.delivery,
      keyHash: listing.keyHash,
    })
    throw new KeyDisputedError(purchaseId, { cause: error })
  }
  await savePurchase({ ...record, key })
  return key
}
