/** Parameters of `toShareLink`. */
export type ToShareLinkParameters = {
  /** Site origin, e.g. `https://keyswarm.example` (defaults to the current page's). */
  origin?: string
  infoHash: string
  /** Hex content key of an encrypted torrent: goes in the fragment, which browsers never send. */
  keyHex?: string
}

/**
 * The link that opens a torrent in Keyswarm's player: `/watch?id=<infohash>`.
 * @example
 * toShareLink({ infoHash: torrent.infoHash }) // 'https://.../watch?id=08ada5...'
 */
export function toShareLink({ origin = globalThis.location?.origin ?? '', infoHash, keyHex }: ToShareLinkParameters): string {
  const link = `${origin}/watch?id=${infoHash}`
  return keyHex ? `${link}#key=${keyHex}` : link
}
