import { foundry } from 'viem/chains'
import { http, type Config, createConfig } from 'wagmi'
import { connect } from 'wagmi/actions'
import { mock } from 'wagmi/connectors'
import type { TestChain } from './startTestChain'

/** Parameters of {@link connectTestWallet}. */
export type ConnectTestWalletParameters = {
  /** Dev account index the wallet sends from (anvil has it unlocked). */
  account: number
}

/**
 * A wagmi config on the test chain whose mock connector is connected and sends from an unlocked
 * dev account: what lib/chain's writes take in place of the user's wallet.
 * @example
 * const config = await connectTestWallet(chain, { account: 1 })
 * await writeAndWait(config, { deployment: chain.deployment, functionName: 'setAgent', args: [agent, true], what: 'x' })
 */
export async function connectTestWallet(chain: TestChain, { account }: ConnectTestWalletParameters): Promise<Config> {
  const local = { ...foundry, rpcUrls: { default: { http: [chain.rpcUrl] } } }
  const config = createConfig({
    chains: [local],
    connectors: [mock({ accounts: [chain.account(account).address] })],
    transports: { [local.id]: http(chain.rpcUrl) },
    pollingInterval: 50,
  })
  await connect(config, { connector: config.connectors[0]! })
  return config
}
