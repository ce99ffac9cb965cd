import { type Chain, type Hex, createWalletClient, http } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

/** Parameters of {@link createAgentWallet}. */
export type CreateAgentWalletParameters = { agentKey: Hex; chain: Chain; rpcUrl?: string }

/** A viem wallet client for the hot agent key: it signs deliveries itself, no wallet prompt. */
export function createAgentWallet({ agentKey, chain, rpcUrl }: CreateAgentWalletParameters) {
  return createWalletClient({ account: privateKeyToAccount(agentKey), chain, transport: http(rpcUrl) })
}
