import { connectorsForWallets, type WalletList } from '@rainbow-me/rainbowkit'
import { injectedWallet, metaMaskWallet, rainbowWallet, walletConnectWallet } from '@rainbow-me/rainbowkit/wallets'
import type { Transport } from 'viem'
import { createConfig, type Config } from 'wagmi'
import { appChains, appConfig, isLocalChain, localRpcUrl } from '@/lib/config'
import { createChainTransport } from './createChainTransport'

export type CreateWagmiConfigParameters = {
  /** Extra wallets for the first group (the dev wallet on the local chain). */
  extraWallets?: WalletList[number]['wallets']
}

/**
 * The wagmi config: the chains of `appChains()` (each over its `NEXT_PUBLIC_RPC_URLS` behind viem's
 * `fallback`, else its default), local chains' RPCs from the running stack, and
 * RainbowKit's wallet list. Wallets announced through EIP-6963 (MetaMask among them) are found
 * by themselves; the WalletConnect-based ones need `NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID`.
 */
export function createWagmiConfig({ extraWallets = [] }: CreateWagmiConfigParameters = {}): Config {
  const projectId = process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID
  const wallets: WalletList = [
    { groupName: 'Browser', wallets: [injectedWallet, ...extraWallets] },
    ...(projectId ? [{ groupName: 'More', wallets: [metaMaskWallet, rainbowWallet, walletConnectWallet] }] : []),
  ]
  const connectors = connectorsForWallets(wallets, { appName: appConfig.name, projectId: projectId ?? 'unused' })
  const chains = appChains()
  const transports = Object.fromEntries(
    chains.map((chain) => [
      chain.id,
      createChainTransport({
        urls: isLocalChain(chain.id) ? [localRpcUrl(chain.id)!] : (appConfig.rpcUrls[chain.id] ?? []),
      }),
    ]),
  ) as Record<number, Transport>
  // wagmi polls every 4 s by default: a receipt mined in a 1–2 s block (anvil, L2s) then waits up
  // to 4 s more, and the paid unlock (purchase receipt, then the key) feels it most.
  // Batching state reads through Multicall3 turns a page's many reads into a few requests.
  return createConfig({
    chains,
    connectors,
    transports,
    ssr: true,
    pollingInterval: 1_000,
    batch: { multicall: { batchSize: 16_384 } },
  })
}
