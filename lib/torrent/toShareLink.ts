/** Parameters of `toShareLink`. */
export type ToShareLinkParameters = {
  /** Site origin, e.g. `https://keyswarm.example` (defaults to the current page's). */
  origin?: string
  infoHash: string
  /** HTTP web seeds (BEP 19) of the torrent: they ride along as `ws=` so the link plays without a browser seeder. */
  webSeeds?: readonly string[]
  /** Hex content key of an encrypted torrent: goes in the fragment, which browsers never send. */
  keyHex?: string
}

/**
 * The link that opens a torrent in Keyswarm's player: `/watch?id=<infohash>`, plus `&ws=<url>` per web seed.
 * @example
 * toShareLink({ infoHash: torrent.infoHash }) // 'https://.../watch?id=08ada5...'
 */
export function toShareLink({
  origin = globalThis.location?.origin ?? '',
  infoHash,
  webSeeds = [],
  keyHex,
}: ToShareLinkParameters): string {
  const seeds = webSeeds.map((url) => `&ws=${encodeURIComponent(url)}`).join('')
  const link = `${origin}/watch?id=${infoHash}${seeds}`
  return keyHex ? `${link}#key=${keyHex}` : link
}
