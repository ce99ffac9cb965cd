/** What a failed `eth_getLogs` asks of the reader. */
export type RpcErrorKind =
  /** The range holds too many blocks or too many logs: ask for less. `limit` is the block count the endpoint named, if any. */
  | { kind: 'range'; limit?: number }
  /** Rate-limited (HTTP 429, -32005 "limit exceeded"): wait and ask again. */
  | { kind: 'rate' }
  /** Down, slow or garbled for now (5xx, timeouts, network, malformed answers): wait and ask again. */
  | { kind: 'transient' }
  /** Anything else: asking again will not help. */
  | { kind: 'fatal' }

type ErrorLike = {
  message?: unknown
  shortMessage?: unknown
  details?: unknown
  code?: unknown
  status?: unknown
  name?: unknown
  cause?: unknown
}

/**
 * Error texts public endpoints answer an `eth_getLogs` that asks for too much with, as seen from
 * Infura, Alchemy, QuickNode, Ankr, publicnode, Base, llamarpc, Tenderly, Coinbase, Arbitrum and
 * Moonbeam; capture group 1, when there is one, is the block count the endpoint allows.
 */
const rangePatterns: readonly RegExp[] = [
  /returned more than [\d,]+ results/i, // Infura, zkEVM, geth-based nodes (-32005); QuickNode ("limit exceeded: eth_getLogs returned more than 10,000 results")
  /range \d+ exceeds limit of ([\d,]+)/i, // Infura (-32602)
  /up to a ([\d,]+) block range/i, // Alchemy (-32600)
  /log response size exceeded/i, // Alchemy
  /limited to a ([\d,.]+)(?: block)? range/i, // QuickNode (-32614)
  /limited to ([\d,.]+) blocks?/i, // BlockPI
  /maximum \[from, to\] blocks distance: ([\d,]+)/i, // Ankr
  /block range is too wide(?: \(maximum (\d+)\))?/i, // Ankr (-32600), Moonbeam
  /query exceeds max results/i, // llamarpc, Ankr
  /maximum block range: ([\d,]+)/i, // publicnode, BSC ("exceed maximum block range: 50000")
  /block range too large/i, // Base's public RPC
  /block range is too large/i, // OP stack
  /range (?:\d+ )?is bigger than range limit ([\d,]+)/i, // Tenderly
  /please limit the query to at most ([\d,]+) blocks/i, // Coinbase
  /logs matched by query exceeds limit of \d+/i, // Arbitrum
  /block range is (?:bigger|larger) than (?:max(?:imum)? ?block ?range)(?:, block range = \d+, max block range = (\d+))?/i, // Scroll, Morph
  /response (?:size|too large)|response size should not greater/i, // 1rpc, OP
  /too many (?:blocks|results|logs)/i,
]

/** Endpoints that name the allowed span as "[0xfrom, 0xto]" (Alchemy, Infura). */
const suggestedRange = /(?:should work|try with this block range):? \[0x([0-9a-f]+),\s*0x([0-9a-f]+)\]/i

const ratePattern =
  /rate limit|too many requests|limit exceeded|exceeded .*(?:capacity|quota|credits)|request limit|throttl/i
const transientPattern =
  /timed? ?out|timeout|fetch failed|network|socket|ECONN|EAI_AGAIN|unexpected token|invalid json|not valid json|no backend|temporar|unavailable|bad gateway|header not found/i

/**
 * Sorts an error from an `eth_getLogs` call (viem's wrapped errors included: it walks `cause`)
 * into what the reader should do next: split the range, wait out a rate limit, retry, or give up.
 * @example
 * classifyRpcError({ code: -32005, message: 'query returned more than 10000 results' }) // { kind: 'range' }
 */
export function classifyRpcError(error: unknown): RpcErrorKind {
  const texts: string[] = []
  const codes: number[] = []
  const seen = new Set<unknown>()
  for (let e = error as ErrorLike | undefined; e && typeof e === 'object' && !seen.has(e); e = e.cause as ErrorLike) {
    seen.add(e)
    for (const text of [e.message, e.shortMessage, e.details]) if (typeof text === 'string') texts.push(text)
    if (typeof e.code === 'number') codes.push(e.code)
    if (typeof e.status === 'number') codes.push(e.status)
    if (e.name === 'TimeoutError' || e.name === 'AbortError') texts.push('timeout')
  }
  if (typeof error === 'string') texts.push(error)
  const text = texts.join('\n')
  const suggested = text.match(suggestedRange)
  if (suggested) return { kind: 'range', limit: Number(BigInt(`0x${suggested[2]}`) - BigInt(`0x${suggested[1]}`) + 1n) }
  for (const pattern of rangePatterns) {
    const match = text.match(pattern)
    if (!match) continue
    const limit = match[1] ? Number(match[1].replace(/[,.]/g, '')) : undefined
    return { kind: 'range', ...(limit && limit > 0 && { limit }) }
  }
  // -32005 is also Infura's and viem's "limit exceeded": past the range texts above, it is a rate limit.
  if (codes.includes(429) || codes.includes(-32005) || ratePattern.test(text)) return { kind: 'rate' }
  if (codes.some((code) => code === 408 || (code >= 500 && code < 600)) || transientPattern.test(text))
    return { kind: 'transient' }
  // A viem HTTP error without a status is a request that never got an answer.
  if (texts.length > 0 && /HTTP request failed/i.test(text) && !codes.some((code) => code >= 400 && code < 500))
    return { kind: 'transient' }
  return { kind: 'fatal' }
}
