import { type Transport, fallback, http } from 'viem'
import { createPacedFetch } from './createPacedFetch'

/** Parameters of {@link createChainTransport}. */
export type CreateChainTransportParameters = {
  /** RPC URLs in order of preference; empty uses the chain's own default URL. */
  urls: readonly string[]
}

/**
 * The transport to one chain: plain HTTP for one URL, viem's `fallback` over several (a request an
 * endpoint fails moves on to the next, so one provider down or rate-limiting does not stop the app).
 * Each URL paces its requests to the rate it allows ({@link createPacedFetch}): every client made
 * from this transport shares that budget, so none of them bursts into HTTP 429 and waits.
 * The same for wagmi in the tab and for `npm run agent`.
 * @example
 * createPublicClient({ chain, transport: createChainTransport({ urls: ['https://a.example', 'https://b.example'] }) })
 */
export function createChainTransport({ urls }: CreateChainTransportParameters): Transport {
  // Late-bound, so a fetch replaced after start-up (tests, service workers' polyfills) is the one used.
  const paced = (url?: string) => http(url, { fetchFn: createPacedFetch((input, init) => fetch(input, init)) })
  if (urls.length <= 1) return paced(urls[0])
  return fallback(
    urls.map((url) => paced(url)),
    { retryCount: 1 },
  )
}
