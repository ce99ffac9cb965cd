import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { type Socket, createServer } from 'node:net'
import { join } from 'node:path'
import TrackerServer from 'bittorrent-tracker/server'
import { createPublicClient, http } from 'viem'
import { anvil } from 'viem/chains'
import type { Deployment } from '../../lib/chain/deployments/index'
import { type ChainHistory, type ChainHistoryParameters, ensureChainHistory } from './chainHistory'
import { installMulticall3 } from './installMulticall3'
import { type RpcProxy, type StartRpcProxyParameters, startRpcProxy } from './rpcProxy'
import { startRelay } from './startRelay'
import { PortInUseError, type StaticServer, startStaticServer } from './staticServer'

export type StackPorts = {
  chain: number
  tracker: number
  web: number
  /** The public-RPC-like endpoint's port when `rpcLimits` is set; 0 or unset asks for a free one. */
  rpc?: number
  /** The local Nostr relay's port; 0 or unset asks for a free one. */
  relay?: number
}

/** The limits of a public RPC endpoint, as `KEYSWARM_RPC_LIMITS=public` sets them. */
export const publicRpcLimits = { maxBlockRange: 2000, maxResults: 10_000, rps: 25, provider: 'alchemy' } as const

/** Limits the page's RPC endpoint imposes: a named preset or the proxy's own parameters. */
export type RpcLimits = 'public' | Omit<StartRpcProxyParameters, 'upstream' | 'port'>

export type StartStackParameters = {
  /** 0 asks the system for a free port. */
  ports: StackPorts
  /** The static export to serve. */
  outDir: string
  /** Seconds between blocks; automine (a block per transaction) when unset. */
  blockTime?: number
  /**
   * Put a public-RPC-like endpoint (scripts/lib/rpcProxy.ts) between the page and anvil: the page
   * gets its URL as the chain's RPC URL. Unset, the page talks to anvil directly.
   */
  rpcLimits?: RpcLimits
  /**
   * Start from a chain with history (scripts/lib/chainHistory.ts): the contracts deployed long
   * ago and thousands of blocks since, loaded from the per-machine cache (built on first use).
   */
  history?: ChainHistoryParameters
  /**
   * Run a second local chain (anvil, chain id 31338, automine) with the contracts deployed at the
   * same addresses, and tell the page its RPC URL: a wallet can then move between two deployed chains.
   */
  secondChain?: boolean
  log?: (line: string) => void
}

/** The stack's second local chain (see `StartStackParameters.secondChain`). */
export type SecondChain = { chainId: number; rpcUrl: string; deployment: Deployment }

export type Stack = {
  /** The RPC URL the page is given: the limited endpoint when `rpcLimits` is set, else anvil. */
  rpcUrl: string
  /** anvil itself, unlimited: for test set-up and anvil's own methods. */
  chainRpcUrl: string
  /** The limited endpoint, with its request counts, when `rpcLimits` is set. */
  rpcProxy?: RpcProxy
  /** The history the chain started from, when `history` was given. */
  history?: ChainHistory
  trackerUrl: string
  /** The local Nostr relay, where peers also meet (see lib/discovery). */
  relayUrl: string
  webUrl: string
  deployment: Deployment
  /** The second local chain, when `secondChain` was asked for. */
  secondChain?: SecondChain
  stop: () => Promise<void>
}

/** The second local chain's id (lib/config.ts knows it as "Anvil B"). */
export const secondChainId = 31338

const root = join(import.meta.dirname, '..', '..')
/** anvil's first dev account: deploys the contracts. Public knowledge; local chain only. */
export const anvilDeployerKey = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'

/** The mnemonic of anvil's unlocked dev accounts (index 0 is the deployer). Public knowledge; local chain only. */
export const devMnemonic = 'test test test test test test test test test test test junk'

/**
 * Brings up the local stack: an anvil chain with the contracts deployed (plus the mock stablecoin),
 * a WebSocket tracker, a Nostr relay, and the static export served with the stack's addresses injected. Ports in
 * use give a clear error before anything starts; `stop()` leaves no process behind.
 */
export async function startStack({
  ports,
  outDir,
  blockTime,
  rpcLimits,
  history: historyParameters,
  secondChain: withSecondChain = false,
  log = () => {},
}: StartStackParameters): Promise<Stack> {
  for (const port of [ports.chain, ports.tracker, ports.web, ports.relay, rpcLimits ? ports.rpc : 0])
    if (port) await assertPortFree(port)
  const cleanups: (() => Promise<void>)[] = []
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
    cleanups.length = 0
  }
  try {
    // Built (once per machine) before anvil starts, so a stack on a timer does not mine meanwhile.
    const history = historyParameters && (await ensureChainHistory({ log, ...historyParameters }))
    const chainPort = ports.chain || (await freePort())
    const chain = await startAnvil({ port: chainPort, blockTime, loadState: history?.stateJsonFile })
    cleanups.push(chain.stop)
    log(`chain     ${chain.rpcUrl} (anvil, chain id ${anvil.id}${blockTime ? `, ${blockTime}s blocks` : ''})`)

    let deployment: Deployment
    if (history) {
      deployment = history.deployment
      log(
        `history   ${history.head - history.deployment.deployBlock} blocks since the deployment at block ${history.deployment.deployBlock}`,
      )
    } else {
      await installMulticall3({ rpcUrl: chain.rpcUrl })
      const { deployAll } = await import('../deploy')
      deployment = await deployAll({
        rpcUrl: chain.rpcUrl,
        privateKey: anvilDeployerKey,
        mockStablecoin: true,
        write: false,
      })
    }
    log(
      `contracts Keyswarm ${deployment.keyswarm}${deployment.stablecoin ? `, mock USDC ${deployment.stablecoin}` : ''}`,
    )

    let rpcProxy: RpcProxy | undefined
    if (rpcLimits) {
      const limits = rpcLimits === 'public' ? publicRpcLimits : rpcLimits
      rpcProxy = await startRpcProxy({ upstream: chain.rpcUrl, port: ports.rpc ?? 0, ...limits })
      cleanups.push(rpcProxy.close)
      log(
        `rpc       ${rpcProxy.url} (limited like a public endpoint: eth_getLogs ≤ ${limits.maxBlockRange ?? 2000} blocks, ≤ ${limits.maxResults ?? 10_000} logs; ${limits.rps || 'any'} calls/s; ${limits.provider ?? 'alchemy'}'s errors)`,
      )
    }
    const rpcUrl = rpcProxy?.url ?? chain.rpcUrl

    let secondChain: SecondChain | undefined
    if (withSecondChain) {
      const second = await startAnvil({ port: await freePort(), chainId: secondChainId })
      cleanups.push(second.stop)
      await installMulticall3({ rpcUrl: second.rpcUrl })
      const { deployAll } = await import('../deploy')
      const deployed = await deployAll({
        rpcUrl: second.rpcUrl,
        privateKey: anvilDeployerKey,
        mockStablecoin: true,
        write: false,
      })
      secondChain = { chainId: secondChainId, rpcUrl: second.rpcUrl, deployment: deployed }
      log(`chain B   ${second.rpcUrl} (anvil, chain id ${secondChainId}), Keyswarm ${deployed.keyswarm}`)
    }

    const tracker = await startTracker(ports.tracker)
    cleanups.push(tracker.stop)
    log(`tracker   ${tracker.url}`)

    const relay = await startRelay(ports.relay ?? 0)
    cleanups.push(relay.stop)
    log(`relay     ${relay.url} (Nostr)`)

    const web: StaticServer = await startStaticServer({
      root: outDir,
      port: ports.web,
      stack: {
        rpcUrl,
        trackers: [tracker.url],
        relays: [relay.url],
        ...(secondChain && { chainRpcUrls: { [secondChain.chainId]: secondChain.rpcUrl } }),
      },
    })
    cleanups.push(web.close)
    log(`site      ${web.url}`)

    return {
      rpcUrl,
      chainRpcUrl: chain.rpcUrl,
      rpcProxy,
      history,
      trackerUrl: tracker.url,
      relayUrl: relay.url,
      webUrl: web.url,
      deployment,
      secondChain,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

/** Starts anvil from the npm Foundry package and waits until it answers. */
export async function startAnvil({
  port,
  chainId = anvil.id,
  blockTime,
  genesisTimestamp,
  loadState,
  pruneHistory,
}: {
  port: number
  /** Default: the local chain's, 31337. */
  chainId?: number
  blockTime?: number
  /** Unix seconds of block 0 (default: now); an earlier one leaves room for a history in the past. */
  genesisTimestamp?: number
  /** A state JSON to start from (`anvil --load-state`; see chainHistory.ts). */
  loadState?: string
  /** Keep no past states (`--prune-history`): blocks and logs stay, mining gets ~1.6x faster. */
  pruneHistory?: boolean
}) {
  const bin = join(root, 'node_modules', '.bin', 'anvil')
  if (!existsSync(bin)) throw new Error('anvil is missing: run `npm install` first (it comes with @foundry-rs/anvil).')
  // Forty-five unlocked accounts, so each e2e journey can own a few (see tests/e2e/fixtures.ts).
  const args = [
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--chain-id',
    String(chainId),
    '--accounts',
    '45',
    '--silent',
  ]
  if (blockTime) args.push('--block-time', String(blockTime))
  if (genesisTimestamp !== undefined) args.push('--timestamp', String(genesisTimestamp))
  if (loadState) args.push('--load-state', loadState)
  if (pruneHistory) args.push('--prune-history')
  // Its own process group: the npm wrapper spawns the real binary, and stopping must reach both.
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true })
  let stderr = ''
  child.stderr?.on('data', (chunk) => (stderr += chunk))
  const rpcUrl = `http://127.0.0.1:${port}`
  const client = createPublicClient({ chain: anvil, transport: http(rpcUrl, { retryCount: 0 }) })
  // A loaded history (tens of MB of JSON) takes anvil a while to read on a busy machine.
  const patience = loadState ? 120_000 : 20_000
  const deadline = Date.now() + patience
  for (;;) {
    if (child.exitCode !== null) throw new Error(`anvil exited at start (code ${child.exitCode}): ${stderr.trim()}`)
    if (await client.getChainId().catch(() => undefined)) break
    if (Date.now() > deadline) {
      await stopChild(child)
      throw new Error(`anvil did not answer on ${rpcUrl} within ${patience / 1000} s. ${stderr.trim()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { rpcUrl, process: child, stop: () => stopChild(child) }
}

/** Starts a WebSocket-only BitTorrent tracker (browsers cannot use HTTP or UDP trackers). */
export async function startTracker(port: number) {
  const tracker = new TrackerServer({ http: false, udp: false, ws: true, stats: false })
  tracker.on('error', () => {})
  tracker.on('warning', () => {})
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, '127.0.0.1') : error)
    tracker.http.once('error', onError)
    tracker.listen(port, '127.0.0.1', () => {
      tracker.http.off('error', onError)
      resolve()
    })
  })
  // Browsers keep their sockets open: stopping ends them, or closing would wait on them for ever.
  const sockets = new Set<Socket>()
  tracker.http.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  const address = tracker.http.address()
  const actual = typeof address === 'object' && address ? address.port : port
  return {
    url: `ws://127.0.0.1:${actual}`,
    stop: () =>
      new Promise<void>((resolve) => {
        tracker.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}

/** Ends a child started with `detached: true` and everything in its process group: SIGTERM, then SIGKILL. */
export async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // The group is gone already.
    }
  }
  signalGroup('SIGTERM')
  const timer = setTimeout(() => signalGroup('SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}

/** Throws `PortInUseError` when something listens on the port already. */
export async function assertPortFree(port: number, host = '127.0.0.1') {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, host) : error),
    )
    probe.listen(port, host, () => probe.close(() => resolve()))
  })
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1)
  return port!
}

/** `count` distinct ports nobody listens on right now (all held open until every one is chosen). */
export async function freePorts(count: number): Promise<number[]> {
  const probes = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const probe = createServer()
          probe.once('error', reject)
          probe.listen(0, '127.0.0.1', () => resolve(probe))
        }),
    ),
  )
  const ports = probes.map((probe) => (probe.address() as { port: number }).port)
  await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))))
  return ports
}
