import { type Hex, hexToBigInt } from 'viem'
import type { Config } from 'wagmi'
import { waitForTransactionReceipt, writeContract } from 'wagmi/actions'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { TransactionRevertedError } from './errors'

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
  const { chainId } = deployment
  const hash = await writeContract(config, {
    address: deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'dispute',
    args: [purchaseId, hexToBigInt(sessionSecret), sealedKey],
    chainId,
  })
  const receipt = await waitForTransactionReceipt(config, { hash, chainId })
  if (receipt.status !== 'success') throw new TransactionRevertedError('dispute')
  return { gasUsed: receipt.gasUsed }
}
