import { type Hex, hexToBigInt } from 'viem'
import type { Config } from 'wagmi'
import type { Deployment } from './deployments/index'
import { writeAndWait } from './writeAndWait'

/** Parameters of {@link disputePurchase}. */
export type DisputePurchaseParameters = {
  deployment: Deployment
  purchaseId: bigint
  sessionSecret: Hex
  sealedKey: Hex
}

/**
 * Proves on chain that the delivered key is wrong: reveals the session secret b with the sealed
 * key of the `Delivered` event; the contract unseals it itself and refunds in full if it does
 * not match keyHash. Returns the gas it cost.
 */
export async function disputePurchase(
  config: Config,
  { deployment, purchaseId, sessionSecret, sealedKey }: DisputePurchaseParameters,
): Promise<{ gasUsed: bigint }> {
  const { gasUsed } = await writeAndWait(config, {
    deployment,
    functionName: 'dispute',
    args: [purchaseId, hexToBigInt(sessionSecret), sealedKey],
    what: 'dispute',
  })
  return { gasUsed }
}
