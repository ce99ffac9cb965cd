import type { Config } from 'wagmi'
import { waitForTransactionReceipt, writeContract } from 'wagmi/actions'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { TransactionRevertedError } from './errors'

/** Parameters of {@link refundPurchase}. */
export type RefundPurchaseParameters = { deployment: Deployment; purchaseId: bigint }

/**
 * Takes back the payment of a purchase whose key did not arrive before the delivery deadline.
 * Returns the gas it cost.
 */
export async function refundPurchase(
  config: Config,
  { deployment, purchaseId }: RefundPurchaseParameters,
): Promise<{ gasUsed: bigint }> {
  const { chainId } = deployment
  const hash = await writeContract(config, {
    address: deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'refund',
    args: [purchaseId],
    chainId,
  })
  const receipt = await waitForTransactionReceipt(config, { hash, chainId })
  if (receipt.status !== 'success') throw new TransactionRevertedError('refund')
  return { gasUsed: receipt.gasUsed }
}
