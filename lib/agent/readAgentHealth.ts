import { type Address, type PublicClient } from 'viem'

/**
 * Gas one `deliverMany` of a single key takes, with room to spare (about 60k measured): below
 * what this costs at today's gas price, the agent cannot deliver even one key.
 */
export const deliveryGasAllowance = 150_000n

/** The agent key's gas money now, and whether it can pay for a delivery. */
export type AgentHealth = {
  agent: Address
  /** Wei the agent key holds. */
  balance: bigint
  /** Wei one delivery costs at today's gas price (an upper bound). */
  deliveryCost: bigint
  /** Too little to deliver a single key: buyers will wait until someone tops it up. */
  outOfGas: boolean
}

/** Reads the agent key's balance and what one delivery costs at today's gas price. */
export async function readAgentHealth(client: PublicClient, { agent }: { agent: Address }): Promise<AgentHealth> {
  const [balance, gasPrice] = await Promise.all([client.getBalance({ address: agent }), client.getGasPrice()])
  // The base fee may double over a few busy blocks before the delivery is mined.
  const deliveryCost = deliveryGasAllowance * gasPrice * 2n
  return { agent, balance, deliveryCost, outOfGas: balance === 0n || balance < deliveryCost }
}
