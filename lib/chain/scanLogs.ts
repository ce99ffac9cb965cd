import {
  type AbiEvent,
  type Address,
  type GetLogsParameters,
  type Hex,
  type Log,
  type PublicClient,
  type RpcLog,
  encodeEventTopics,
  formatLog,
  numberToHex,
  parseEventLogs,
} from 'viem'
import { reorgDepth as defaultReorgDepth } from '../config'
import { classifyRpcError } from './classifyRpcError'
import type { CachedLogs, LogCache } from './createLogCache'
import { defaultLogCache } from './defaultLogCache'
import { LogScanError, MalformedLogsError } from './errors'

/** A decoded log of `event`. */
export type ScannedLog<event extends AbiEvent> = Log<bigint, number, false, event, true>

/** One block range the reader finished, delivered in scan order (newest range first by default). */
export type LogPage<event extends AbiEvent> = {
  /** Its logs, in chain order. */
  logs: ScannedLog<event>[]
  fromBlock: bigint
  toBlock: bigint
  /** Whether the range came from the cache rather than the endpoint. */
  cached: boolean
}

/** Parameters of {@link scanLogs}. */
export type ScanLogsParameters<event extends AbiEvent> = {
  address: Address
  /**
   * The event to read, or several: one `eth_getLogs` per range then asks for all of them (one
   * topic-0 list), and one cache entry holds them, so a page that needs four events pays for one scan.
   */
  event: event | readonly event[]
  /** Indexed arguments to filter on (one event only); an array means any of them. */
  args?: GetLogsParameters<event>['args']
  fromBlock: bigint
  /** The last block to read (default: the head, read now). */
  toBlock?: bigint
  /** Scan from the head backwards (default) or from `fromBlock` forwards. */
  newestFirst?: boolean
  /** Where scanned final ranges are kept (default: {@link defaultLogCache}); `null` reads everything. */
  cache?: LogCache | null
  /** Blocks behind the head that are never cached as final (default: `reorgDepth` of the chain in lib/config). */
  reorgDepth?: number
  /** Blocks per request to start with (default 1000); it halves on range errors and doubles back on success. */
  range?: number
  /** Never ask for more blocks than this at once (default 10000). */
  maxRange?: number
  /** Requests in flight at once (default 4). */
  concurrency?: number
  /** Retries of one range after rate limits and transient failures (default 6). */
  retries?: number
  /** Milliseconds of the first wait after a failure; it doubles with each retry (default 250). */
  retryDelay?: number
  /**
   * Stop once this many logs were delivered, in scan order: with `newestFirst`, the newest
   * `limit` logs (say, 1 for a listing's own `Listed` event or a purchase's `Delivered`).
   */
  limit?: number
  /** Each finished range, in scan order, as soon as every range before it is finished too. */
  onPage?: (page: LogPage<event>) => void
  signal?: AbortSignal
}

/** What {@link scanLogs} read. */
export type ScanLogsReturnType<event extends AbiEvent> = {
  /** Every log of the range, in chain order. */
  logs: ScannedLog<event>[]
  /** The last block read. */
  toBlock: bigint
  /** `eth_getLogs` requests sent, failed ones included. */
  requests: number
}

type Slot<event extends AbiEvent> = {
  from: bigint
  to: bigint
  state: 'gap' | 'todo' | 'busy' | 'done'
  logs?: ScannedLog<event>[]
  cached?: boolean
}

/**
 * The one way Keyswarm reads events: `eth_getLogs` over block ranges that fit public endpoints.
 * Starts at a safe range, splits a range the endpoint refuses (too many blocks or results, in the
 * error shapes of Infura, Alchemy, QuickNode, Ankr, publicnode, Base, llamarpc...), grows back on
 * success, keeps a few requests in flight, waits out rate limits and retries transient failures
 * with backoff. Newest first by default, each range delivered to `onPage` as soon as it is in
 * order. Final ranges (older than the reorg depth) are cached per chain, contract, event and
 * filter, so a second read asks only for new blocks.
 * @throws LogScanError when a range still fails after its retries (pages delivered stay valid).
 * @example
 * const { logs } = await scanLogs(client, { address, event: listedEvent, fromBlock: 1n, onPage: (p) => show(p.logs) })
 */
export async function scanLogs<const event extends AbiEvent>(
  client: PublicClient,
  {
    address,
    event,
    args,
    fromBlock,
    toBlock,
    newestFirst = true,
    cache = defaultLogCache(),
    reorgDepth,
    range: initialRange = 1000,
    maxRange = 10_000,
    concurrency = 4,
    retries = 6,
    retryDelay = 250,
    limit = Number.POSITIVE_INFINITY,
    onPage,
    signal,
  }: ScanLogsParameters<event>,
): Promise<ScanLogsReturnType<event>> {
  let pausedUntil = 0
  const pause = async () => {
    while (Date.now() < pausedUntil) await sleep(pausedUntil - Date.now(), signal)
  }
  /** Runs a small request (head, anchor block), waiting out rate limits and transient failures. */
  const retrying = async <T>(request: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      await pause()
      try {
        return await request()
      } catch (error) {
        const { kind } = classifyRpcError(error)
        if (signal?.aborted || attempt >= retries || (kind !== 'rate' && kind !== 'transient')) throw error
        await sleep(backoff(retryDelay, attempt), signal)
      }
    }
  }

  const head =
    toBlock ??
    (await retrying(() => client.getBlockNumber({ cacheTime: 0 })).catch((error: unknown) => {
      if (signal?.aborted) throw error
      throw new LogScanError(fromBlock, undefined, { cause: error })
    }))
  const chainId = client.chain?.id ?? (await retrying(() => client.getChainId()))
  const finalBlock = head - BigInt(reorgDepth ?? defaultReorgDepth(chainId))
  const events = (Array.isArray(event) ? event : [event]) as readonly event[]
  const topics: (Hex | Hex[] | null)[] =
    events.length === 1
      ? (encodeEventTopics({ abi: events, eventName: events[0]!.name, args } as never) as (Hex | Hex[] | null)[])
      : [events.map((e) => encodeEventTopics({ abi: [e], eventName: e.name } as never)[0] as Hex)]
  const key = `${chainId}:${address.toLowerCase()}:${JSON.stringify(topics)}`

  let entry = cache ? await cache.load(key) : undefined
  if (cache && entry && entry.ranges.length > 0 && !cache.verified.has(key)) {
    // The same chain id may be another chain now (a restarted local node, a deep reorg): check once per session.
    const anchor = entry.anchor
    const hash = await retrying(() => client.getBlock({ blockNumber: anchor.number })).then(
      (block) => block.hash,
      (error: unknown) => {
        // A chain without that block is another chain; an endpoint that does not answer is not a reason to forget.
        if ((error as Error).name === 'BlockNotFoundError') return undefined
        if (signal?.aborted) throw error
        throw new LogScanError(anchor.number, anchor.number, { cause: error })
      },
    )
    if (hash !== anchor.hash) {
      await cache.drop(key)
      entry = undefined
    } else cache.verified.add(key)
  }
  if (entry && entry.ranges.length === 0) entry = undefined

  // The whole range in chain order: cached pieces done, the rest gaps to carve requests from.
  const slots: Slot<event>[] = []
  let cursor = fromBlock
  for (const [from, to] of entry?.ranges ?? []) {
    if (to < cursor || from > head) continue
    const start = from > cursor ? from : cursor
    const end = to < head ? to : head
    if (start > cursor) slots.push({ from: cursor, to: start - 1n, state: 'gap' })
    const logs = (entry!.logs as ScannedLog<event>[]).filter((l) => l.blockNumber >= start && l.blockNumber <= end)
    slots.push({ from: start, to: end, state: 'done', logs, cached: true })
    cursor = end + 1n
  }
  if (cursor <= head) slots.push({ from: cursor, to: head, state: 'gap' })
  if (newestFirst) slots.reverse()

  let range = Math.max(1, Math.min(initialRange, maxRange))
  let ceiling = maxRange
  let requests = 0
  let failure: unknown
  const scanned: Slot<event>[] = []
  const finished: Slot<event>[] = []

  let delivered = 0
  const flush = () => {
    while (slots[0]?.state === 'done' && delivered < limit) {
      const slot = slots.shift()!
      finished.push(slot)
      delivered += slot.logs!.length
      onPage?.({ logs: slot.logs!, fromBlock: slot.from, toBlock: slot.to, cached: !!slot.cached })
    }
  }
  const carve = (): Slot<event> | undefined => {
    if (delivered >= limit) return undefined
    const todo = slots.find((s) => s.state === 'todo')
    if (todo) return ((todo.state = 'busy'), todo)
    const i = slots.findIndex((s) => s.state === 'gap')
    if (i < 0) return undefined
    const gap = slots[i]!
    const size = BigInt(range)
    const slot: Slot<event> = newestFirst
      ? { from: gap.to - size + 1n > gap.from ? gap.to - size + 1n : gap.from, to: gap.to, state: 'busy' }
      : { from: gap.from, to: gap.from + size - 1n < gap.to ? gap.from + size - 1n : gap.to, state: 'busy' }
    if (newestFirst) gap.to = slot.from - 1n
    else gap.from = slot.to + 1n
    slots.splice(i, 1, ...(gap.from > gap.to ? [slot] : [slot, gap]))
    return slot
  }
  const split = (slot: Slot<event>, size: bigint) => {
    const pieces: Slot<event>[] = []
    for (let from = slot.from; from <= slot.to; from += size)
      pieces.push({ from, to: from + size - 1n < slot.to ? from + size - 1n : slot.to, state: 'todo' })
    if (newestFirst) pieces.reverse()
    slots.splice(slots.indexOf(slot), 1, ...pieces)
  }

  const fetchSlot = async (slot: Slot<event>) => {
    for (let attempt = 0; ; attempt++) {
      await pause()
      signal?.throwIfAborted()
      requests += 1
      try {
        const raw = await client.request(
          {
            method: 'eth_getLogs',
            params: [{ address, topics, fromBlock: numberToHex(slot.from), toBlock: numberToHex(slot.to) }],
          },
          // The reader retries by itself: viem's own retries would resend a range the endpoint refused.
          { retryCount: 0 },
        )
        slot.logs = decodeLogs(events, raw)
        slot.state = 'done'
        scanned.push(slot)
        if (slot.to - slot.from + 1n >= BigInt(range)) range = Math.min(ceiling, range * 2)
        return
      } catch (error) {
        signal?.throwIfAborted()
        const kind = classifyRpcError(error)
        const size = Number(slot.to - slot.from + 1n)
        if (kind.kind === 'range' && size > 1) {
          ceiling = Math.max(1, Math.min(ceiling, kind.limit ?? Math.floor(size / 2)))
          const next = Math.max(1, Math.min(ceiling, Math.floor(size / 2)))
          range = Math.min(range, next)
          split(slot, BigInt(next))
          return
        }
        if ((kind.kind === 'rate' || kind.kind === 'transient') && attempt < retries) {
          const delay = backoff(retryDelay, attempt)
          if (kind.kind === 'rate') pausedUntil = Math.max(pausedUntil, Date.now() + delay)
          await sleep(delay, signal)
          continue
        }
        throw new LogScanError(slot.from, slot.to, { cause: error })
      }
    }
  }

  const worker = async ({ untilOneRead = false } = {}) => {
    for (let slot = carve(); slot && failure === undefined; slot = carve()) {
      try {
        await fetchSlot(slot)
      } catch (error) {
        failure ??= error
        slot.state = 'todo'
        return
      }
      flush()
      if (untilOneRead && slot.state === 'done') return
    }
  }
  flush()
  // One request alone until a range comes back: an endpoint with a smaller limit than the first
  // range then refuses one request, not one per worker in flight (each a request its rate counts).
  await worker({ untilOneRead: true })
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, () => worker()))
  if (cache) await remember(client, cache, { key, entry, scanned, finalBlock, retrying })
  if (failure !== undefined) throw failure
  flush()
  let logs = finished.flatMap((s) => s.logs!).sort(chainOrder)
  if (logs.length > limit) logs = newestFirst ? logs.slice(-limit) : logs.slice(0, limit)
  return { logs, toBlock: head, requests }
}

/** Adds the final part of what was scanned to the cache entry; writes it to storage when it grew enough. */
async function remember<event extends AbiEvent>(
  client: PublicClient,
  cache: LogCache,
  {
    key,
    entry,
    scanned,
    finalBlock,
    retrying,
  }: {
    key: string
    entry: CachedLogs | undefined
    scanned: Slot<event>[]
    finalBlock: bigint
    retrying: <T>(request: () => Promise<T>) => Promise<T>
  },
) {
  const added: [bigint, bigint][] = []
  const logs: Log[] = []
  for (const slot of scanned) {
    const to = slot.to < finalBlock ? slot.to : finalBlock
    if (to < slot.from) continue
    added.push([slot.from, to])
    logs.push(...slot.logs!.filter((l) => l.blockNumber <= to))
  }
  if (added.length === 0) return
  const ranges = mergeRanges([...(entry?.ranges ?? []), ...added])
  const top = ranges[ranges.length - 1]![1]
  const anchor =
    entry && entry.anchor.number === top
      ? entry.anchor
      : await retrying(() => client.getBlock({ blockNumber: top })).then(
          (block) => ({ number: top, hash: block.hash }),
          () => undefined,
        )
  if (!anchor) return // Without an anchor the entry could not be checked later: keep nothing.
  const seen = new Set<string>()
  const merged = [...(entry?.logs ?? []), ...logs].sort(chainOrder).filter((l) => {
    const id = `${l.blockNumber}:${l.logIndex}`
    return !seen.has(id) && !!seen.add(id)
  })
  // Big entries are rewritten only when they gained logs or moved well past what storage holds.
  const stored = cache.persisted.get(key)
  const persist = logs.length > 0 || stored === undefined || anchor.number - stored >= 1024n
  cache.verified.add(key)
  await cache.save(key, { anchor, ranges, logs: merged }, { persist })
}

function mergeRanges(ranges: [bigint, bigint][]): [bigint, bigint][] {
  const sorted = [...ranges].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const out: [bigint, bigint][] = []
  for (const [from, to] of sorted) {
    const last = out[out.length - 1]
    if (last && from <= last[1] + 1n) last[1] = to > last[1] ? to : last[1]
    else out.push([from, to])
  }
  return out
}

function decodeLogs<event extends AbiEvent>(events: readonly event[], raw: unknown): ScannedLog<event>[] {
  if (!Array.isArray(raw)) throw new MalformedLogsError()
  let formatted: Log[]
  try {
    formatted = (raw as RpcLog[]).map((log) => formatLog(log))
  } catch {
    throw new MalformedLogsError()
  }
  if (formatted.some((log) => typeof log.blockNumber !== 'bigint' || typeof log.logIndex !== 'number'))
    throw new MalformedLogsError()
  const decoded = parseEventLogs({ abi: events as readonly AbiEvent[], logs: formatted, strict: true })
  // A log the filter matched but the ABI cannot decode is an endpoint answering nonsense.
  if (decoded.length !== formatted.length) throw new MalformedLogsError()
  return decoded as unknown as ScannedLog<event>[]
}

function chainOrder(a: Log, b: Log): number {
  if (a.blockNumber !== b.blockNumber) return a.blockNumber! < b.blockNumber! ? -1 : 1
  return a.logIndex! - b.logIndex!
}

function backoff(base: number, attempt: number): number {
  return Math.min(base * 2 ** attempt, 8_000) * (0.75 + Math.random() * 0.5)
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', abort)
      resolve()
    }
    const abort = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', abort, { once: true })
  })
}
