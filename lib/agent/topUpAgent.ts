import { type Address, parseEther } from 'viem'
import type { Config } from 'wagmi'
import { sendTransaction } from 'wagmi/actions'
import { waitForSuccess } from '../chain/waitForSuccess'

/** Parameters of {@link topUpAgent}. */
export type TopUpAgentParameters = {
  chainId: number
  agent: Address
  /** Wei to send (default 0.02 ETH, a few hundred deliveries at ordinary gas prices). */
  amount?: bigint
}

/**
 * Sends the agent key a little ETH for gas from the connected wallet; returns the gas it cost.
 * @throws TransactionRevertedError, or the wallet's refusal.
 */
export async function topUpAgent(
  config: Config,
  { chainId, agent, amount = parseEther('0.02') }: TopUpAgentParameters,
): Promise<{ gasUsed: bigint }> {
  const hash = await sendTransaction(config, { to: agent, value: amount, chainId })
  const { gasUsed } = await waitForSuccess(config, { hash, chainId, what: 'agent top-up' })
  return { gasUsed }
}
