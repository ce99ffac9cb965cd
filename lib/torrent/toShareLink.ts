/** Parameters of `toShareLink`. */
export type ToShareLinkParameters = {
  /** Site origin, e.g. `https://keyswarm.example` (defaults to the current page's). */
  origin?: string
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
 * The link that opens a torrent in Keyswarm's player: `/watch?id=<infohash>`, plus `&ws=<url>` per web seed,
 * `&tr=<url>` per extra tracker and `&relay=<url>` per extra Nostr relay.
 * @example
 * toShareLink({ infoHash: torrent.infoHash }) // 'https://.../watch?id=08ada5...'
 */
export function toShareLink({
  origin = globalThis.location?.origin ?? '',
  infoHash,
  webSeeds = [],
  trackers = [],
  relays = [],
  keyHex,
}: ToShareLinkParameters): string {
  const params = (name: string, urls: readonly string[]) => urls.map((url) => `&${name}=${encodeURIComponent(url)}`).join('')
  const link = `${origin}/watch?id=${infoHash}${params('ws', webSeeds)}${params('tr', trackers)}${params('relay', relays)}`
  return keyHex ? `${link}#key=${keyHex}` : link
}
