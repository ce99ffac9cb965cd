import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import { type ProviderError, type RpcProvider, rpcProxyErrors } from './rpcProxyErrors'
import { listen } from './staticServer'

/** Parameters of {@link startRpcProxy}. */
export type StartRpcProxyParameters = {
  /** The node behind the proxy (anvil). */
  upstream: string
  /** 0 (the default) asks the system for a free port. */
  port?: number
  /** Widest `eth_getLogs` block range served, both ends included. */
  maxBlockRange?: number
  /** Most logs one `eth_getLogs` may return. */
  maxResults?: number
  /** JSON-RPC calls served per second (a batch counts each call); beyond it, HTTP 429. 0 = no limit. */
  rps?: number
  /** Whose refusals to answer with (see rpcProxyErrors.ts). */
  provider?: RpcProvider
}

/** What the proxy has served since it started (or since `stats.reset()`). */
export type RpcProxyStats = {
  /** HTTP requests (a batch is one). */
  requests: number
  /** JSON-RPC calls (each member of a batch is one), refused ones included. */
  calls: number
  byMethod: Record<string, number>
  /** Calls refused, by reason. */
  refused: { range: number; results: number; rate: number }
  /** The lowest `fromBlock` of an `eth_getLogs` served: how far back readers have scanned. */
  lowestLogBlock?: bigint
  reset(): void
}

/** A running proxy. */
export type RpcProxy = {
  url: string
  stats: RpcProxyStats
  close(): Promise<void>
}

type RpcCall = { jsonrpc?: string; id?: unknown; method?: unknown; params?: unknown }
type RpcAnswer = { jsonrpc: '2.0'; id: unknown; result?: unknown; error?: ProviderError['error'] }

/** The block tags a node resolves to its head. */
const headTags = new Set(['latest', 'pending', 'safe', 'finalized'])

/**
 * A JSON-RPC endpoint in front of a local node that refuses what public providers refuse:
 * `eth_getLogs` over `maxBlockRange` blocks or returning over `maxResults` logs, and more than
 * `rps` calls a second (HTTP 429) — each with the chosen provider's own error shape. Everything
 * else passes through. Loopback only; it counts what it serves so tests can assert request counts.
 * @example
 * const proxy = await startRpcProxy({ upstream: chain.rpcUrl, maxBlockRange: 2000, provider: 'infura' })
 * // …point the app at proxy.url…
 * expect(proxy.stats.byMethod.eth_getLogs).toBeLessThan(20)
 */
export async function startRpcProxy({
  upstream,
  port = 0,
  maxBlockRange = 2000,
  maxResults = 10_000,
  rps = 0,
  provider = 'alchemy',
}: StartRpcProxyParameters): Promise<RpcProxy> {
  const errors = rpcProxyErrors[provider]
  const stats: RpcProxyStats = {
    requests: 0,
    calls: 0,
    byMethod: {},
    refused: { range: 0, results: 0, rate: 0 },
    reset() {
      stats.requests = 0
      stats.calls = 0
      stats.byMethod = {}
      stats.refused = { range: 0, results: 0, rate: 0 }
      stats.lowestLogBlock = undefined
    },
  }
  // Times (ms) of the calls served in the last second: a sliding window, as providers' per-second caps behave.
  let window: number[] = []

  async function forward(body: unknown): Promise<unknown> {
    const response = await fetch(upstream, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return response.json()
  }

  async function blockNumberOf(tag: unknown, head: () => Promise<bigint>): Promise<bigint> {
    if (tag === undefined || (typeof tag === 'string' && headTags.has(tag))) return head()
    if (tag === 'earliest') return 0n
    return BigInt(tag as string)
  }

  /** One call: `eth_getLogs` checked against the limits, anything else passed through. */
  async function answer(call: RpcCall): Promise<{ status: number; answer: RpcAnswer }> {
    const method = typeof call.method === 'string' ? call.method : '(none)'
    stats.byMethod[method] = (stats.byMethod[method] ?? 0) + 1
    if (method !== 'eth_getLogs') return { status: 200, answer: (await forward(call)) as RpcAnswer }

    const [filter] = (Array.isArray(call.params) ? call.params : []) as [Record<string, unknown> | undefined]
    if (filter?.blockHash) return { status: 200, answer: (await forward(call)) as RpcAnswer }
    let headCache: Promise<bigint> | undefined
    const head = () =>
      (headCache ??= forward({ jsonrpc: '2.0', id: 0, method: 'eth_blockNumber', params: [] }).then((reply) =>
        BigInt((reply as { result: string }).result),
      ))
    let from: bigint
    let to: bigint
    try {
      from = await blockNumberOf(filter?.fromBlock, head)
      to = await blockNumberOf(filter?.toBlock, head)
    } catch {
      // A block number we cannot read: the node's own answer says what is wrong with it.
      return { status: 200, answer: (await forward(call)) as RpcAnswer }
    }
    const refuse = (refusal: ProviderError) => ({
      status: refusal.status,
      answer: { jsonrpc: '2.0' as const, id: call.id ?? null, error: refusal.error },
    })
    if (to - from + 1n > BigInt(maxBlockRange)) {
      stats.refused.range++
      return refuse(errors.range({ from, to, maxBlockRange }))
    }
    const reply = (await forward(call)) as RpcAnswer
    const logs = reply.result
    if (Array.isArray(logs) && logs.length > maxResults) {
      stats.refused.results++
      // The range that would have fit: up to the block before the first log past the cap.
      const firstOver = BigInt((logs[maxResults] as { blockNumber: string }).blockNumber)
      const suggestedTo = firstOver > from ? firstOver - 1n : from
      return refuse(errors.results({ from, to, maxResults, suggestedTo }))
    }
    if (Array.isArray(logs) && (stats.lowestLogBlock === undefined || from < stats.lowestLogBlock))
      stats.lowestLogBlock = from
    return { status: 200, answer: reply }
  }

  /** Takes `count` calls from the rate budget; false when the last second is full. */
  function admit(count: number): boolean {
    if (!rps) return true
    const now = Date.now()
    window = window.filter((time) => now - time < 1000)
    if (window.length + count > rps) return false
    for (let i = 0; i < count; i++) window.push(now)
    return true
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // Browsers call from the site's origin: public providers allow any origin, and so does anvil.
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'content-type',
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end()
      return
    }
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(body))
    if (req.method !== 'POST') {
      send(405, { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'JSON-RPC takes POST' } })
      return
    }
    stats.requests++
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    let body: unknown
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch {
      send(200, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } })
      return
    }
    const batch = Array.isArray(body)
    const calls = (batch ? body : [body]) as RpcCall[]
    stats.calls += calls.length
    if (!admit(calls.length)) {
      stats.refused.rate += calls.length
      const { status, error } = errors.rate({ rps })
      const answers = calls.map((call) => ({ jsonrpc: '2.0', id: call?.id ?? null, error }))
      send(status, batch ? answers : answers[0])
      return
    }
    const answers = await Promise.all(calls.map(answer))
    // A batch is answered 200 with an error per member; a lone call keeps its provider's HTTP status.
    send(batch ? 200 : answers[0]!.status, batch ? answers.map((one) => one.answer) : answers[0]!.answer)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The node behind us is down or answered nonsense: a gateway error, as a provider's edge would give.
      if (!res.headersSent)
        res
          .writeHead(502, { 'content-type': 'application/json', 'access-control-allow-origin': '*' })
          .end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32603, message: `upstream failed: ${String(error)}` } }))
    })
  })
  await listen(server, port, '127.0.0.1')
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  return {
    url: `http://127.0.0.1:${actualPort}`,
    stats,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
