import { sitePath } from '../sitePath'

/** Parameters of `toShareLink`. */
export type ToShareLinkParameters = {
  /**
   * Where the site lives: its origin plus its base path, e.g. `https://example.org/keyswarm`
   * (defaults to this page's). `''` gives the in-site path that Next's router prefixes itself.
   */
  site?: string
  infoHash: string
  /** HTTP web seeds (BEP 19) of the torrent: they ride along as `ws=` so the link plays without a browser seeder. */
  webSeeds?: readonly string[]
  /** Hex content key of an encrypted torrent: goes in the fragment, which browsers never send. */
  keyHex?: string
}

/**
 * The link that opens a torrent in Keyswarm's player: `<site>/watch/?id=<infohash>`, plus `&ws=<url>`
 * per web seed. The trailing slash names the folder `watch/index.html` itself, so the link opens on
 * hosts that map URLs to files and do nothing else (IPFS gateways, Python's http.server).
 * @example
 * toShareLink({ infoHash: torrent.infoHash }) // 'https://.../watch/?id=08ada5...'
 */
export function toShareLink({
  site = `${globalThis.location?.origin ?? ''}${sitePath('')}`,
  infoHash,
  webSeeds = [],
  keyHex,
}: ToShareLinkParameters): string {
  const seeds = webSeeds.map((url) => `&ws=${encodeURIComponent(url)}`).join('')
  const link = `${site}/watch/?id=${infoHash}${seeds}`
  return keyHex ? `${link}#key=${keyHex}` : link
}
