import { type Address, createPublicClient, http, parseEther } from 'viem'
import { anvil } from 'viem/chains'

export type FundDevAccountParameters = {
  address: Address
  rpcUrl: string
  /** Balance to top up to when below half of it. */
  balance?: bigint
}

/**
 * Gives a burner account on the local anvil chain some ETH (anvil's `anvil_setBalance`), so the dev
 * wallet can pay for gas and purchases. Only meaningful on anvil; other chains refuse the method.
 */
export async function fundDevAccount({ address, rpcUrl, balance = parseEther('100') }: FundDevAccountParameters) {
  const client = createPublicClient({ chain: anvil, transport: http(rpcUrl) })
  const current = await client.getBalance({ address })
  if (current >= balance / 2n) return current
  await client.request({ method: 'anvil_setBalance' as never, params: [address, `0x${balance.toString(16)}`] as never })
  return balance
}
