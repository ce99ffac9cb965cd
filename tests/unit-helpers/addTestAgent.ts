import { type Address, type Hex, parseEther } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import type { TestChain } from './startTestChain'

/** Parameters of {@link addTestAgent}. */
export type AddTestAgentParameters = {
  /** Dev account index of the creator who authorizes it. */
  creator: number
  /** The agent's key (default: a fresh one). */
  agentKey?: Hex
  /** Wei the creator sends it for gas (default 0.02 ETH; 0 sends nothing). */
  funding?: bigint
}

/** An agent key the creator authorizes with `setAgent` on the test chain, funded for gas. */
export async function addTestAgent(
  chain: TestChain,
  { creator, agentKey = generatePrivateKey(), funding = parseEther('0.02') }: AddTestAgentParameters,
): Promise<{ agentKey: Hex; agent: Address }> {
  const agent = privateKeyToAccount(agentKey).address
  const wallet = chain.wallet(creator)
  await chain.mined(
    wallet.writeContract({
      address: chain.deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'setAgent',
      args: [agent, true],
    }),
  )
  if (funding > 0n) await chain.mined(wallet.sendTransaction({ to: agent, value: funding }))
  return { agentKey, agent }
}
