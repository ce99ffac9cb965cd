import type { Account, Chain, Hash, PublicClient, Transport, WalletClient } from 'viem'
import type { LogCache } from '../chain/createLogCache'
import type { Deployment } from '../chain/deployments/index'
import { reorgDepth } from '../config'
import type { ListingSecret } from '../keystore/types'
import { type DeliverPendingReturnType, deliverPending } from './deliverPending'
import { type AgentHealth, readAgentHealth } from './readAgentHealth'
import type { AgentCursor, AgentCursorState } from './types'

/** Parameters of {@link runAgent}. */
export type RunAgentParameters = {
  deployment: Deployment
  /** Read again every round, so listings published meanwhile are served. */
  listings: () => Promise<readonly ListingSecret[]> | readonly ListingSecret[]
  /** Milliseconds between rounds (default 1000). */
  interval?: number
  /** Milliseconds between reads of the agent key's balance (default 5000; at once after a failure or a wake). */
  healthInterval?: number
  /** Longest wait after failed rounds; the wait doubles from `interval` with each failure (default 15000). */
  maxBackoff?: number
  /**
   * Milliseconds after which a sent delivery with no receipt is given up on and its purchases
   * become deliverable again (default 120000): a transaction the node dropped must not block them.
   */
  inFlightTimeout?: number
  signal: AbortSignal
  /** A `wake` event on it ends the current wait at once and forgets the backoff (say, after a top-up). */
  wake?: EventTarget
  onDelivered?: (round: DeliverPendingReturnType) => void
  /** Every round that did not fail, delivering or not. */
  onRound?: (round: DeliverPendingReturnType) => void
  /** The agent key's balance, read every round. */
  onHealth?: (health: AgentHealth) => void
  /**
   * After every round that read the chain, delivered, not, or failed: the last block whose
   * purchases it read, and how many of those still wait for a key. A round that ends with
   * purchases waiting and no delivery sent is the agent saying it could not deliver them.
   */
  onScanned?: (scan: { toBlock: bigint; waiting: number }) => void
  /** A round failed (RPC error, out of gas...); the agent tries again after `retryIn` ms. */
  onError?: (error: unknown, retryIn: number) => void
  /**
   * Where the agent keeps how far it has read (IndexedDB in the tab, a file beside the daemon's
   * secrets): a restarted agent, or a tab opened again, catches up from there instead of missing
   * purchases made while it was away or reading all history again.
   */
  cursor?: AgentCursor
  /** Where scanned log ranges are kept (default: the page's or process's log cache); `null` for none. */
  cache?: LogCache | null
}

/**
 * The delivery agent's loop, the same in a creator's tab and in `npm run agent`: every
 * `interval` ms, delivers whatever purchases of the creator's listings are waiting, in one batch.
 * Failed rounds back off (doubling up to `maxBackoff`); a purchase whose delivery is in flight is
 * never sent again until that transaction is mined or given up. Resolves when `signal` aborts.
 */
export async function runAgent(
  publicClient: PublicClient,
  walletClient: WalletClient<Transport, Chain | undefined, Account>,
  {
    deployment,
    listings,
    interval = 1000,
    healthInterval = 5000,
    maxBackoff = 15_000,
    inFlightTimeout = 120_000,
    signal,
    wake,
    onDelivered,
    onRound,
    onHealth,
    onScanned,
    onError,
    cursor,
    cache,
  }: RunAgentParameters,
): Promise<void> {
  const inFlight = new Map<bigint, { transactionHash: Hash; sentAt: number }>()
  let failures = 0
  // Blocks every round reads again: a reorg, or a load-balanced endpoint a block behind, cannot hide a purchase.
  const overlap = BigInt(reorgDepth(deployment.chainId))
  const saved = await loadCursor(cursor)
  let fromBlock = saved ? BigInt(saved.fromBlock) : undefined
  const served = new Set<string>(saved?.listings ?? [])
  let savedAs = saved ? JSON.stringify(saved) : ''
  let healthAt = Number.NEGATIVE_INFINITY
  const onWake = () => {
    failures = 0
    healthAt = Number.NEGATIVE_INFINITY
  }
  wake?.addEventListener('wake', onWake)
  try {
    while (!signal.aborted) {
      let delay = interval
      let read: { toBlock: bigint; open: readonly bigint[] } | undefined
      let delivered: readonly bigint[] = []
      try {
        await forgetSettled(publicClient, inFlight, inFlightTimeout)
        if (onHealth && Date.now() - healthAt >= healthInterval) {
          onHealth(await readAgentHealth(publicClient, { agent: walletClient.account.address }))
          healthAt = Date.now()
        }
        const current = await listings()
        // A listing new to this loop may have purchases behind the cursor: read its history once.
        if (current.some((l) => !served.has(l.contentId))) fromBlock = undefined
        for (const l of current) served.add(l.contentId)
        const round = await deliverPending(publicClient, walletClient, {
          deployment,
          fromBlock,
          cache,
          listings: current,
          skip: new Set(inFlight.keys()),
          onRead: (r) => {
            read = r
          },
          onSent: ({ purchaseIds, transactionHash }) => {
            for (const id of purchaseIds) inFlight.set(id, { transactionHash, sentAt: Date.now() })
          },
        })
        if (round.transactionHash) for (const id of round.delivered) inFlight.delete(id)
        delivered = round.delivered
        fromBlock = round.nextFromBlock > overlap ? round.nextFromBlock - overlap : 0n
        // Only a round that read everything moves the cursor: a failed one leaves it where it was.
        const state: AgentCursorState = { fromBlock: String(fromBlock), listings: [...served].sort() }
        if (cursor && JSON.stringify(state) !== savedAs) {
          savedAs = JSON.stringify(state)
          // An unwritable cursor costs a longer catch-up after a restart, never this round.
          await cursor
            .save(state)
            .catch((error: unknown) => console.warn('[keyswarm] the agent cursor could not be saved', error))
        }
        if (round.delivered.length > 0) healthAt = Number.NEGATIVE_INFINITY
        failures = 0
        onRound?.(round)
        if (round.delivered.length > 0) onDelivered?.(round)
        // Someone else delivered part of the batch: read again at once instead of waiting a round.
        if (round.raced) delay = 0
      } catch (error) {
        failures += 1
        healthAt = Number.NEGATIVE_INFINITY
        delay = Math.min(interval * 2 ** failures, maxBackoff)
        onError?.(error, delay)
      }
      if (read)
        onScanned?.({ toBlock: read.toBlock, waiting: read.open.filter((id) => !delivered.includes(id)).length })
      await sleep(delay, signal, wake)
    }
  } finally {
    wake?.removeEventListener('wake', onWake)
  }
}

async function loadCursor(cursor: AgentCursor | undefined): Promise<AgentCursorState | undefined> {
  try {
    return await cursor?.load()
  } catch (error) {
    // A cursor that cannot be read costs one read of the history, never a missed purchase.
    console.warn('[keyswarm] the agent cursor could not be read; reading from the deployment block', error)
    return undefined
  }
}

/** Drops in-flight purchases whose transaction was mined (either way) or is too old to wait for. */
async function forgetSettled(
  client: PublicClient,
  inFlight: Map<bigint, { transactionHash: Hash; sentAt: number }>,
  timeout: number,
) {
  const hashes = new Map<Hash, number>()
  for (const { transactionHash, sentAt } of inFlight.values()) hashes.set(transactionHash, sentAt)
  for (const [hash, sentAt] of hashes) {
    const mined = await client.getTransactionReceipt({ hash }).then(
      () => true,
      (error: unknown) => {
        if ((error as Error).name === 'TransactionReceiptNotFoundError') return false
        throw error
      },
    )
    if (!mined && Date.now() - sentAt < timeout) continue
    for (const [id, entry] of inFlight) if (entry.transactionHash === hash) inFlight.delete(id)
  }
}

function sleep(ms: number, signal: AbortSignal, wake?: EventTarget): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      wake?.removeEventListener('wake', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
    wake?.addEventListener('wake', done, { once: true })
  })
}
