/**
 * The error bodies real public RPC providers answer when a client asks too much of them, as seen
 * in the wild (quoted in public bug reports: ethers-io/ethers.js#4703, go-ethereum#25343,
 * INFURA/infura#237, eternalsafe/wallet#57, gitcoinco/grants-stack-indexer#156, namehash/ensnode#1022).
 * Each provider words the same refusal differently, and some put the block range that would work
 * only in the message text: a reader that handles one shape and not another fails on that provider.
 */

/** A provider whose refusals the proxy imitates. */
export type RpcProvider = 'alchemy' | 'infura' | 'quicknode'

/** One JSON-RPC error object, and the HTTP status the provider sends it with. */
export type ProviderError = { status: number; error: { code: number; message: string; data?: unknown } }

/** What the proxy knows when it refuses a call. */
type RangeRefusal = { from: bigint; to: bigint; maxBlockRange: number }
type ResultsRefusal = { from: bigint; to: bigint; maxResults: number; suggestedTo: bigint }

const hex = (value: bigint) => `0x${value.toString(16)}`
/** Infura writes block numbers in upper-case hex (`0xBDE5F8`). */
const upperHex = (value: bigint) => `0x${value.toString(16).toUpperCase()}`
const thousands = (value: number) => value.toLocaleString('en-US')

/** Per provider: the refusal of a block range too wide, of too many results, and of too many requests a second. */
export const rpcProxyErrors: Record<
  RpcProvider,
  {
    range: (refusal: RangeRefusal) => ProviderError
    results: (refusal: ResultsRefusal) => ProviderError
    rate: (limit: { rps: number }) => ProviderError
  }
> = {
  alchemy: {
    range: ({ from, maxBlockRange }) => ({
      status: 200,
      error: {
        code: -32600,
        message: `You can make eth_getLogs requests with up to a ${maxBlockRange} block range. Based on your parameters, this block range should work: [${hex(from)}, ${hex(from + BigInt(maxBlockRange) - 1n)}]`,
      },
    }),
    results: ({ from, suggestedTo, maxResults }) => ({
      status: 200,
      error: {
        code: -32602,
        message: `Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request any block range with a cap of ${maxResults / 1000}K logs in the response. Based on your parameters and the response size limit, this block range should work: [${hex(from)}, ${hex(suggestedTo)}]`,
      },
    }),
    rate: () => ({
      status: 429,
      error: {
        code: 429,
        message:
          'Your app has exceeded its compute units per second capacity. If you have retries enabled, you can safely ignore this message. If not, check out https://docs.alchemy.com/reference/throughput',
      },
    }),
  },
  infura: {
    range: ({ from, to, maxBlockRange }) => ({
      status: 200,
      error: { code: -32602, message: `range ${to - from + 1n} exceeds limit of ${maxBlockRange}` },
    }),
    results: ({ from, suggestedTo, maxResults }) => ({
      status: 200,
      error: {
        code: -32005,
        message: `query returned more than ${maxResults} results. Try with this block range [${upperHex(from)}, ${upperHex(suggestedTo)}].`,
        data: { from: upperHex(from), limit: maxResults, to: upperHex(suggestedTo) },
      },
    }),
    rate: ({ rps }) => ({
      status: 429,
      error: {
        code: -32005,
        message: 'project ID request rate exceeded',
        data: { see: 'https://infura.io/docs/ethereum/jsonrpc/ratelimits', allowed_rps: rps, backoff_seconds: 1 },
      },
    }),
  },
  quicknode: {
    // QuickNode sends its range refusal as HTTP 413: clients see an HTTP error, not a JSON-RPC one.
    range: ({ maxBlockRange }) => ({
      status: 413,
      error: { code: -32614, message: `eth_getLogs is limited to a ${thousands(maxBlockRange)} range` },
    }),
    // QuickNode caps the response by size rather than count; its nearest refusal is the generic "limit exceeded".
    results: ({ maxResults }) => ({
      status: 200,
      error: { code: -32005, message: `limit exceeded: eth_getLogs returned more than ${thousands(maxResults)} results` },
    }),
    rate: () => ({
      status: 429,
      error: { code: -32005, message: 'limit exceeded' },
    }),
  },
}
