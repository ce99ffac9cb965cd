import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One JSON-RPC request as the endpoint saw it. */
export type SeenRequest = { method: string; params: unknown[] }

/** What a rule answers instead of the node: an HTTP status and a body, sent as they are. */
export type LimitedAnswer = { status?: number; body: unknown }

/** Decides, for a request, whether the endpoint refuses it; undefined passes it to the node. */
export type LimitRule = (
  request: SeenRequest & { id: unknown },
  context: { upstream: string },
) => LimitedAnswer | undefined | Promise<LimitedAnswer | undefined>

/** A JSON-RPC endpoint in front of a node that refuses what its rule says, and counts what it saw. */
export type LimitedRpc = {
  url: string
  /** Every request, in order, refused ones included. */
  seen: SeenRequest[]
  /** The `eth_getLogs` requests seen, as block ranges. */
  logRanges(): { from: bigint; to: bigint }[]
  /** Replaces the rule (say, to let requests through again). */
  setRule(rule: LimitRule | undefined): void
  stop(): Promise<void>
}

/**
 * A real HTTP JSON-RPC endpoint on a free port in front of `upstream` (a test anvil), answering
 * what `rule` returns instead of forwarding: the shape a public provider refuses with.
 * @example
 * const rpc = await startLimitedRpc(chain.rpcUrl, refuseRangesOver(100, infuraRange))
 */
export async function startLimitedRpc(upstream: string, rule?: LimitRule): Promise<LimitedRpc> {
  const seen: SeenRequest[] = []
  let current = rule
  const server: Server = createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()))
    req.on('end', async () => {
      try {
        const body = JSON.parse(raw) as { id: unknown; method: string; params?: unknown[] }
        seen.push({ method: body.method, params: body.params ?? [] })
        const answer = await current?.({ id: body.id, method: body.method, params: body.params ?? [] }, { upstream })
        if (answer) {
          res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' })
          res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body))
          return
        }
        const forwarded = await fetch(upstream, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: raw,
        })
        res.writeHead(forwarded.status, { 'content-type': 'application/json' })
        res.end(await forwarded.text())
      } catch (error) {
        res.writeHead(500)
        res.end(String(error))
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    logRanges: () =>
      seen
        .filter((r) => r.method === 'eth_getLogs')
        .map((r) => {
          const { fromBlock, toBlock } = r.params[0] as { fromBlock: string; toBlock: string }
          return { from: BigInt(fromBlock), to: BigInt(toBlock) }
        }),
    setRule: (next) => (current = next),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
