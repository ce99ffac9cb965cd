import { type Address, parseEther } from 'viem'
import type { Config } from 'wagmi'
import { getBalance, readContract, sendTransaction, waitForTransactionReceipt, writeContract } from 'wagmi/actions'
import { keyswarmAbi } from '../chain/abi/keyswarmAbi'
import type { Deployment } from '../chain/deployments/index'
import { TransactionRevertedError } from '../chain/errors'

/** Parameters of {@link authorizeAgent}. */
export type AuthorizeAgentParameters = {
  deployment: Deployment
  creator: Address
  agent: Address
  /** Gas money the agent is topped up to when it has less than half of it (default 0.02 ETH). */
  funding?: bigint
}

/**
 * Makes `agent` able to deliver for `creator`: `setAgent(agent, true)` once, and a little ETH for
 * gas when it runs low. Asks the wallet only for what is missing; returns the gas the creator paid.
 */
export async function authorizeAgent(
  config: Config,
  { deployment, creator, agent, funding = parseEther('0.02') }: AuthorizeAgentParameters,
): Promise<{ gasUsed: bigint }> {
  const { chainId } = deployment
  let gasUsed = 0n
  const allowed = await readContract(config, {
    address: deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'isAgent',
    args: [creator, agent],
    chainId,
  })
  if (!allowed) {
    const hash = await writeContract(config, {
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'setAgent',
      args: [agent, true],
      chainId,
    })
    const receipt = await waitForTransactionReceipt(config, { hash, chainId })
    if (receipt.status !== 'success') throw new TransactionRevertedError('agent authorization')
    gasUsed += receipt.gasUsed
  }
  const { value } = await getBalance(config, { address: agent, chainId })
  if (value < funding / 2n) {
    const hash = await sendTransaction(config, { to: agent, value: funding - value, chainId })
    gasUsed += (await waitForTransactionReceipt(config, { hash, chainId })).gasUsed
  }
  return { gasUsed }
}
