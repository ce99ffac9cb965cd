import { type Hex, hexToBigInt } from 'viem'
import type { Config } from 'wagmi'
import { readContract } from 'wagmi/actions'
import { type Point, unsealKey, verifyKey } from '../crypto'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { DisputeNotSentError } from './errors'
import { writeAndWait } from './writeAndWait'

/** Parameters of {@link disputePurchase}. */
export type DisputePurchaseParameters = {
  deployment: Deployment
  purchaseId: bigint
  sessionSecret: Hex
  sealedKey: Hex
  /** The listing's delivery public key C and keyHash: the wrong key is proven with them first. */
  deliveryPublicKey: Point
  keyHash: Hex
}

/** `PurchaseState.Delivered` of the contract: delivered, dispute window open. */
const DISPUTABLE = 3

/**
 * Proves on chain that the delivered key is wrong: reveals the session secret b with the sealed
 * key of the `Delivered` event; the contract unseals it itself and refunds in full if it does
 * not match keyHash. Returns the gas it cost.
 *
 * b leaves this device only when the key is proven wrong here first and the window is open: a
 * dispute of a right key (or a late one) would make b public for nothing. Once the key is proven
 * wrong, b opens nothing of value (it unseals only that wrong key, and seeding receipts are signed
 * by the separate receipt key), so the node's gas estimate of the transaction may see it.
 * @throws DisputeNotSentError when the key is right or the window is closed (nothing was sent),
 * TransactionRevertedError, or the wallet's refusal.
 */
export async function disputePurchase(
  config: Config,
  { deployment, purchaseId, sessionSecret, sealedKey, deliveryPublicKey, keyHash }: DisputePurchaseParameters,
): Promise<{ gasUsed: bigint }> {
  const key = unsealKey({ sealedKey, sessionSecret, deliveryPublicKey, purchaseId })
  if (verifyKey({ key, keyHash })) throw new DisputeNotSentError(purchaseId, 'the key is right')
  // purchaseState is computed from the chain's clock without revealing anything.
  const state = await readContract(config, {
    address: deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'purchaseState',
    args: [purchaseId],
    chainId: deployment.chainId,
  })
  if (state !== DISPUTABLE) throw new DisputeNotSentError(purchaseId, 'the window is closed')
  const { gasUsed } = await writeAndWait(config, {
    deployment,
    functionName: 'dispute',
    args: [purchaseId, hexToBigInt(sessionSecret), sealedKey],
    what: 'dispute',
  })
  return { gasUsed }
}
