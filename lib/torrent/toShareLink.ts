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
  /** WebSocket trackers beyond the app's, as `tr=` (e.g. a listing's own). */
  trackers?: readonly string[]
  /** Nostr relays beyond the app's, as `relay=`. */
  relays?: readonly string[]
  /** Hex content key of an encrypted torrent: goes in the fragment, which browsers never send. */
  keyHex?: string
}

/**
 * The link that opens a torrent in Keyswarm's player: `<site>/watch/?id=<infohash>`, plus `&ws=<url>`
 * per web seed, `&tr=<url>` per extra tracker and `&relay=<url>` per extra Nostr relay. The trailing
 * slash names the folder `watch/index.html` itself, so the link opens on hosts that map URLs to files
 * and do nothing else (IPFS gateways, Python's http.server).
 * @example
 * toShareLink({ infoHash: torrent.infoHash }) // 'https://.../watch/?id=08ada5...'
 */
export function toShareLink({
  site = `${globalThis.location?.origin ?? ''}${sitePath('')}`,
  infoHash,
  webSeeds = [],
  trackers = [],
  relays = [],
  keyHex,
}: ToShareLinkParameters): string {
  const params = (name: string, urls: readonly string[]) => urls.map((url) => `&${name}=${encodeURIComponent(url)}`).join('')
  const link = `${site}/watch/?id=${infoHash}${params('ws', webSeeds)}${params('tr', trackers)}${params('relay', relays)}`
  return keyHex ? `${link}#key=${keyHex}` : link
}
