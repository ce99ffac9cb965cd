import type { ContractFunctionArgs, ContractFunctionName } from 'viem'
import type { Config } from 'wagmi'
import { type WriteContractParameters, writeContract } from 'wagmi/actions'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { type WaitForSuccessReturnType, waitForSuccess } from './waitForSuccess'

/** A state-changing function of the Keyswarm contract. */
export type KeyswarmWriteName = ContractFunctionName<typeof keyswarmAbi, 'nonpayable' | 'payable'>

/** Parameters of {@link writeAndWait}. */
export type WriteAndWaitParameters<functionName extends KeyswarmWriteName> = {
  deployment: Deployment
  functionName: functionName
  args: ContractFunctionArgs<typeof keyswarmAbi, 'nonpayable' | 'payable', functionName>
  /** Wei sent along, for `purchase` of an ETH listing. */
  value?: bigint
  /** Names the transaction in the sentence shown when it reverts, e.g. "price change". */
  what: string
}

/** What {@link writeAndWait} returns: the mined, successful transaction (its logs in `receipt.logs`). */
export type WriteAndWaitReturnType = WaitForSuccessReturnType

/**
 * Sends one Keyswarm transaction through the connected wallet and waits until it is mined.
 * @throws TransactionRevertedError when it was mined but reverted, or the wallet's refusal.
 * @example
 * await writeAndWait(config, { deployment, functionName: 'setActive', args: [7n, false], what: 'pause' })
 */
export async function writeAndWait<functionName extends KeyswarmWriteName>(
  config: Config,
  { deployment, functionName, args, value, what }: WriteAndWaitParameters<functionName>,
): Promise<WriteAndWaitReturnType> {
  const { chainId } = deployment
  // The generic name/args pair is checked by the signature above; wagmi's own union type cannot follow it.
  const hash = await writeContract(config, {
    address: deployment.keyswarm,
    abi: keyswarmAbi,
    functionName,
    args,
    chainId,
    ...(value === undefined ? {} : { value }),
  } as unknown as WriteContractParameters)
  return waitForSuccess(config, { hash, chainId, what })
}
