import type { PublicClient } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { type PurchaseStateName, purchaseStateName } from './purchaseStateName'

/**
 * A purchase's state now, by name, as the contract's `purchaseState` computes it (`expired` once
 * the delivery deadline passed with no key, though nothing was written).
 */
export async function readPurchaseState(
  client: PublicClient,
  { deployment, purchaseId }: { deployment: Deployment; purchaseId: bigint },
): Promise<PurchaseStateName> {
  const value = await client.readContract({
    address: deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'purchaseState',
    args: [purchaseId],
  })
  return purchaseStateName(value)
}
