import type { Wallet } from '@rainbow-me/rainbowkit'
import type { EIP1193Provider, Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { createConnector, injected } from 'wagmi'
import { getStack } from '@/lib/config'
import { createDevProvider } from '@/lib/chain/createDevProvider'
import { fundDevAccount } from '@/lib/chain/fundDevAccount'

const storageKey = 'keyswarm.devWallet.privateKey'
const permissionKey = 'keyswarm.devWallet.permission'

const icon =
  'data:image/svg+xml;utf8,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 28"><rect width="28" height="28" rx="6" fill="#4f46e5"/><path d="M8 9h8a4 4 0 0 1 0 8H8z" fill="none" stroke="#fff" stroke-width="2.4"/><circle cx="19" cy="19" r="2.5" fill="#fbbf24"/></svg>',
  )

let provider: EIP1193Provider | undefined

/** The tab's burner key, created on first use and kept in localStorage (local chain only). */
function getDevProvider(): EIP1193Provider {
  if (provider) return provider
  let privateKey = localStorage.getItem(storageKey) as Hex | null
  if (!privateKey) {
    privateKey = generatePrivateKey()
    localStorage.setItem(storageKey, privateKey)
  }
  const { rpcUrl } = getStack()
  const inner = createDevProvider({
    privateKey,
    chain: anvil,
    rpcUrl,
    permission: {
      get: () => localStorage.getItem(permissionKey) === 'granted',
      set: (allowed) => (allowed ? localStorage.setItem(permissionKey, 'granted') : localStorage.removeItem(permissionKey)),
    },
  })
  const address = privateKeyToAccount(privateKey).address
  let funded: Promise<unknown> | undefined
  // Top the burner up from the anvil node when it connects, so it can pay right away.
  provider = {
    ...inner,
    request: (async (args: { method: string; params?: unknown }) => {
      if (args.method === 'eth_requestAccounts') await (funded ??= fundDevAccount({ address, rpcUrl }))
      return inner.request(args as never)
    }) as EIP1193Provider['request'],
  }
  return provider
}

/**
 * RainbowKit's entry for the dev wallet: a burner key funded from the local anvil node, for people
 * without MetaMask. Only listed when the app runs on the local chain.
 */
export function devWallet(): Wallet {
  return {
    id: 'keyswarmDev',
    name: 'Dev wallet (local chain)',
    shortName: 'Dev wallet',
    iconUrl: icon,
    iconBackground: '#4f46e5',
    installed: true,
    createConnector: (walletDetails) =>
      createConnector((config) => ({
        ...injected({
          // A function, so the burner key is only touched in the browser (never during prerender).
          target: () => ({ id: 'keyswarmDev', name: 'Dev wallet', provider: (w) => (w ? getDevProvider() : undefined) }),
        })(config),
        ...walletDetails,
      })),
  }
}
