import { type Transport, fallback, http } from 'viem'

/** Parameters of {@link createChainTransport}. */
export type CreateChainTransportParameters = {
  /** RPC URLs in order of preference; empty uses the chain's own default URL. */
  urls: readonly string[]
}

/**
 * The transport to one chain: plain HTTP for one URL, viem's `fallback` over several (a request an
 * endpoint fails moves on to the next, so one provider down or rate-limiting does not stop the app).
 * The same for wagmi in the tab and for `npm run agent`.
 * @example
 * createPublicClient({ chain, transport: createChainTransport({ urls: ['https://a.example', 'https://b.example'] }) })
 */
export function createChainTransport({ urls }: CreateChainTransportParameters): Transport {
  if (urls.length <= 1) return http(urls[0])
  return fallback(
    urls.map((url) => http(url)),
    { retryCount: 1 },
  )
}
