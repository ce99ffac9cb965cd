import { type Chain, defineChain } from 'viem'
import { anvil, base, baseSepolia, sepolia } from 'viem/chains'

/** Multicall3 at its canonical address, the same on every chain that has it (the local stack deploys it there too). */
export const multicall3Address = '0xcA11bde05977b3631167028862bE2a173976CA11'

/** The local anvil chain, with Multicall3 where the local stack deploys it, so batched reads take the real path. */
const localChain = defineChain({
  ...anvil,
  contracts: { ...anvil.contracts, multicall3: { address: multicall3Address } },
})

/**
 * A second local chain (chain id 31338) that a stack may run beside the first: the e2e journeys move
 * a wallet between two deployed chains with it. The page runs on it only when the running stack
 * names its RPC URL (`StackConfig.chainRpcUrls`); `npm start` runs one chain.
 */
const localChainB = defineChain({ ...localChain, id: 31338, name: 'Anvil B' })

/** The local chains by id: the first is `npm start`'s, the others only where a stack runs them. */
const localChains: Record<number, Chain> = { [localChain.id]: localChain, [localChainB.id]: localChainB }

/** Where the local stack lives; `npm start` and the e2e suite's server tell the page at load time. */
export type StackConfig = {
  /** JSON-RPC URL of the local chain. */
  rpcUrl: string
  /** WebSocket trackers of the local stack. */
  trackers: readonly string[]
  /** Nostr relays of the local stack (peers meet there when no tracker answers). */
  relays?: readonly string[]
  /** RPC URLs of further local chains the stack runs, by chain id (the e2e stack's 31338): the page runs on them too. */
  chainRpcUrls?: Readonly<Record<number, string>>
}

/** Shape of the one typed config object of the app. */
export type AppConfig = {
  name: string
  /** Chains the app can run on; the first is the default. */
  chains: readonly [Chain, ...Chain[]]
  /** Public WebSocket trackers announced to when not on the local chain. */
  publicTrackers: readonly string[]
  /** Public Nostr relays where peers of a torrent also meet (see lib/discovery), when not on the local chain. */
  publicRelays: readonly string[]
  /** The local stack as `npm start` brings it up (overridden at run time, see `getStack`). */
  localStack: StackConfig
  /**
   * Blocks behind the head that a reorg may still change, so logs there are never cached as final:
   * `default` for real chains, `local` for the local anvil chain (small but not zero, so the local
   * stack exercises the same path).
   */
  reorgDepth: { default: number; local: number }
  /**
   * RPC URLs per chain id, tried in order behind viem's `fallback` transport: picked at build time
   * with `NEXT_PUBLIC_RPC_URLS`, such as `84532=https://a.example,84532=https://b.example`.
   * A chain missing here uses its public default; the local chain uses the running stack's.
   */
  rpcUrls: Readonly<Record<number, readonly string[]>>
}

const supportedChains = {
  [anvil.id]: localChain,
  [baseSepolia.id]: baseSepolia,
  [sepolia.id]: sepolia,
  [base.id]: base,
}

/**
 * Chain ids picked at build time with `NEXT_PUBLIC_CHAINS` (comma-separated, first = default);
 * the local anvil chain when unset.
 */
function pickChains(value: string | undefined): readonly [Chain, ...Chain[]] {
  const ids = (value ?? String(anvil.id)).split(',').map((id) => Number(id.trim()))
  const chains: Chain[] = ids.map((id) => {
    const chain = supportedChains[id as keyof typeof supportedChains]
    if (!chain) throw new Error(`NEXT_PUBLIC_CHAINS names chain ${id}, which Keyswarm does not know.`)
    return chain
  })
  return chains as [Chain, ...Chain[]]
}

/**
 * RPC URLs picked at build time with `NEXT_PUBLIC_RPC_URLS`: `<chain id>=<url>` entries,
 * comma-separated; naming a chain again adds a URL tried after the first behind viem's `fallback`
 * (e.g. `84532=https://base-sepolia.example/v2/KEY,84532=https://sepolia.base.org`). Chains not named
 * use their public default.
 */
function pickRpcUrls(value: string | undefined): Record<number, string[]> {
  const urls: Record<number, string[]> = {}
  for (const entry of (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)) {
    const match = /^(\d+)=(https?:\/\/\S+)$/.exec(entry)
    if (!match) throw new Error(`NEXT_PUBLIC_RPC_URLS has "${entry}": write <chain id>=<http(s) URL>, comma-separated.`)
    ;(urls[Number(match[1])] ??= []).push(match[2]!)
  }
  return urls
}

export const appConfig = {
  name: 'Keyswarm',
  chains: pickChains(process.env.NEXT_PUBLIC_CHAINS),
  rpcUrls: pickRpcUrls(process.env.NEXT_PUBLIC_RPC_URLS),
  publicTrackers: [
    'wss://tracker.openwebtorrent.com',
    'wss://tracker.webtorrent.dev',
    'wss://tracker.btorrent.xyz',
  ],
  publicRelays: ['wss://relay.damus.io', 'wss://nos.lol', 'wss://relay.primal.net'],
  reorgDepth: { default: 64, local: 4 },
  localStack: {
    rpcUrl: process.env.NEXT_PUBLIC_LOCAL_RPC_URL ?? 'http://127.0.0.1:8545',
    trackers: [process.env.NEXT_PUBLIC_LOCAL_TRACKER_URL ?? 'ws://127.0.0.1:8000'],
    relays: process.env.NEXT_PUBLIC_LOCAL_RELAY_URL ? [process.env.NEXT_PUBLIC_LOCAL_RELAY_URL] : [],
  },
} as const satisfies AppConfig

/**
 * The local stack in effect: the build's defaults, overridden by the `keyswarm-stack` cookie that
 * the local stack's static server (scripts/lib/staticServer.ts) sets on every page it serves.
 */
export function getStack(): StackConfig {
  return { ...appConfig.localStack, ...readStackCookie() }
}

function readStackCookie(): Partial<StackConfig> | undefined {
  if (typeof document === 'undefined') return undefined
  const raw = document.cookie.split('; ').find((cookie) => cookie.startsWith('keyswarm-stack='))
  if (!raw) return undefined
  try {
    const value = JSON.parse(decodeURIComponent(raw.slice('keyswarm-stack='.length)))
    return typeof value === 'object' && value ? value : undefined
  } catch {
    return undefined // A cookie we cannot read is a cookie we did not write: keep the defaults.
  }
}

/** Whether the app runs against the local anvil chain (dev wallet, local tracker), or `chainId` is a local chain. */
export function isLocalChain(chainId: number = appConfig.chains[0].id): boolean {
  return chainId in localChains
}

/**
 * The chains the page runs on: the build's (`appConfig.chains`, first = default), then, for a build
 * on the local chain, every further local chain the running stack names (`chainRpcUrls`).
 */
export function appChains(): readonly [Chain, ...Chain[]] {
  if (!isLocalChain()) return appConfig.chains
  const extra = Object.keys(getStack().chainRpcUrls ?? {})
    .map((id) => localChains[Number(id)])
    .filter((chain): chain is Chain => !!chain && !appConfig.chains.some((known) => known.id === chain.id))
  return [...appConfig.chains, ...extra]
}

/** The running stack's RPC URL of local chain `chainId` (the first chain's, or one of `chainRpcUrls`). */
export function localRpcUrl(chainId: number): string | undefined {
  const stack = getStack()
  return chainId === localChain.id ? stack.rpcUrl : stack.chainRpcUrls?.[chainId]
}

/** Trackers a new torrent announces to: the local stack's on the local chain, public ones elsewhere. */
export function getTrackers(): string[] {
  return isLocalChain() ? [...getStack().trackers] : [...appConfig.publicTrackers]
}

/** Nostr relays a torrent's peers meet on: the local stack's on the local chain, public ones elsewhere. */
export function getRelays(): string[] {
  return isLocalChain() ? [...(getStack().relays ?? [])] : [...appConfig.publicRelays]
}

/** Blocks behind the head of `chainId` that a reorg may still change (see `AppConfig.reorgDepth`). */
export function reorgDepth(chainId: number): number {
  return isLocalChain(chainId) ? appConfig.reorgDepth.local : appConfig.reorgDepth.default
}
