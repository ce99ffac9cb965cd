import type { ContractFunctionArgs, ContractFunctionName, Hash, TransactionReceipt } from 'viem'
import type { Config } from 'wagmi'
import { type WriteContractParameters, waitForTransactionReceipt, writeContract } from 'wagmi/actions'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { TransactionRevertedError } from './errors'

/** A state-changing function of the Keyswarm contract. */
export type KeyswarmWriteName = ContractFunctionName<typeof keyswarmAbi, 'nonpayable' | 'payable'>

/** Parameters of {@link writeAndWait}. */
export type WriteAndWaitParameters<functionName extends KeyswarmWriteName> = {
  deployment: Deployment
  functionName: functionName
  args: ContractFunctionArgs<typeof keyswarmAbi, 'nonpayable' | 'payable', functionName>
  /** Names the transaction in the sentence shown when it reverts, e.g. "price change". */
  what: string
}

/** What {@link writeAndWait} returns: the mined, successful transaction. */
export type WriteAndWaitReturnType = { transactionHash: Hash; receipt: TransactionReceipt; gasUsed: bigint }

/**
 * Sends one Keyswarm transaction through the connected wallet and waits until it is mined.
 * @throws TransactionRevertedError when it was mined but reverted, or the wallet's refusal.
 * @example
 * await writeAndWait(config, { deployment, functionName: 'setActive', args: [7n, false], what: 'pause' })
 */
export async function writeAndWait<functionName extends KeyswarmWriteName>(
  config: Config,
  { deployment, functionName, args, what }: WriteAndWaitParameters<functionName>,
): Promise<WriteAndWaitReturnType> {
  const { chainId } = deployment
  // The generic name/args pair is checked by the signature above; wagmi's own union type cannot follow it.
  const transactionHash = await writeContract(config, {
    address: deployment.keyswarm,
    abi: keyswarmAbi,
    functionName,
    args,
    chainId,
  } as unknown as WriteContractParameters)
  const receipt = await waitForTransactionReceipt(config, { hash: transactionHash, chainId })
  if (receipt.status !== 'success') throw new TransactionRevertedError(what)
  return { transactionHash, receipt, gasUsed: receipt.gasUsed }
}
