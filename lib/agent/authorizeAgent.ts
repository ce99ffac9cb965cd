import { type Address, parseEther } from 'viem'
import type { Config } from 'wagmi'
import { getBalance, readContract } from 'wagmi/actions'
import { keyswarmAbi } from '../chain/abi/keyswarmAbi'
import type { Deployment } from '../chain/deployments/index'
import { writeAndWait } from '../chain/writeAndWait'
import { topUpAgent } from './topUpAgent'

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
 * @throws TransactionRevertedError, or the wallet's refusal.
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
    const authorized = await writeAndWait(config, {
      deployment,
      functionName: 'setAgent',
      args: [agent, true],
      what: 'agent authorization',
    })
    gasUsed += authorized.gasUsed
  }
  const { value } = await getBalance(config, { address: agent, chainId })
  if (value < funding / 2n) gasUsed += (await topUpAgent(config, { chainId, agent, amount: funding - value })).gasUsed
  return { gasUsed }
}
