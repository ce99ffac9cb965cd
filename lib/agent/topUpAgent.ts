import { type Address, parseEther } from 'viem'
import type { Config } from 'wagmi'
import { sendTransaction, waitForTransactionReceipt } from 'wagmi/actions'
import { TransactionRevertedError } from '../chain/errors'

/** Parameters of {@link topUpAgent}. */
export type TopUpAgentParameters = {
  chainId: number
  agent: Address
  /** Wei to send (default 0.02 ETH, a few hundred deliveries at ordinary gas prices). */
  amount?: bigint
}

/** Sends the agent key a little ETH for gas from the connected wallet; returns the gas it cost. */
export async function topUpAgent(
  config: Config,
  { chainId, agent, amount = parseEther('0.02') }: TopUpAgentParameters,
): Promise<{ gasUsed: bigint }> {
  const hash = await sendTransaction(config, { to: agent, value: amount, chainId })
  const receipt = await waitForTransactionReceipt(config, { hash, chainId })
  if (receipt.status !== 'success') throw new TransactionRevertedError('agent top-up')
  return { gasUsed: receipt.gasUsed }
}
