import { InvalidTorrentIdError } from './errors'
import { webSocketUrls } from './webSocketUrls'

/** What a person typed or opened, made into something the engine can add. */
export type ParsedTorrentId = {
  /** Lower-case hex v1 infohash (40 characters). */
  infoHash: string
  /** A magnet link when the input carried trackers, web seeds or a name; otherwise the infohash. */
  torrentId: string
  /** HTTP web seeds (BEP 19) the link names: a magnet's `ws=` or a share link's `ws=` parameters. */
  webSeeds: string[]
  /** WebSocket trackers a share link names (`tr=`); a magnet's own `tr=` stay in `torrentId`. */
  trackers: string[]
  /** Nostr relays the link names (`relay=`), where the torrent's peers also meet. */
  relays: string[]
}

const HEX_HASH = /^[0-9a-f]{40}$/i
const BASE32_HASH = /^[a-z2-7]{32}$/i

/**
 * Reads a magnet link, a bare infohash (hex or base32) or a Keyswarm share link
 * (`.../watch?id=<infohash>[&ws=<web seed>...][&tr=<tracker>...][&relay=<Nostr relay>...]` or
 * `.../watch?magnet=<magnet>`).
 *
 * @throws InvalidTorrentIdError when the text is none of those.
 * @example
 * parseTorrentId('magnet:?xt=urn:btih:08ada5a7a6183aae1e09d831df6748d566095a10&dn=Sintel')
 */
export function parseTorrentId(input: string): ParsedTorrentId {
  const text = input.trim()
  const hash = toHexInfoHash(text)
  if (hash) return { infoHash: hash, torrentId: hash, webSeeds: [], trackers: [], relays: [] }

  if (/^magnet:/i.test(text)) {
    let url: URL
    try {
      url = new URL(text)
    } catch (cause) {
      throw new InvalidTorrentIdError(input, { cause })
    }
    for (const xt of url.searchParams.getAll('xt')) {
      const match = /^urn:btih:(.+)$/i.exec(xt)
      const infoHash = match?.[1] ? toHexInfoHash(match[1]) : undefined
      if (infoHash) {
        const { searchParams } = url
        return { infoHash, torrentId: text, webSeeds: httpUrls(searchParams.getAll('ws')), trackers: [], relays: webSocketUrls(searchParams.getAll('relay')) }
      }
    }
    throw new InvalidTorrentIdError(input)
  }

  if (/^https?:\/\//i.test(text)) {
    let url: URL
    try {
      url = new URL(text)
    } catch (cause) {
      throw new InvalidTorrentIdError(input, { cause })
    }
    const inner = url.searchParams.get('magnet') ?? url.searchParams.get('id')
    if (inner && inner !== text) {
      const parsed = parseTorrentId(inner)
      const { searchParams } = url
      const webSeeds = [...new Set([...parsed.webSeeds, ...httpUrls(searchParams.getAll('ws'))])]
      const trackers = [...new Set([...parsed.trackers, ...webSocketUrls(searchParams.getAll('tr'))])]
      const relays = [...new Set([...parsed.relays, ...webSocketUrls(searchParams.getAll('relay'))])]
      return { ...parsed, webSeeds, trackers, relays }
    }
  }
  throw new InvalidTorrentIdError(input)
}

/** Only http(s) URLs can be web seeds; anything else in a link is ignored, never fetched. */
function httpUrls(values: string[]): string[] {
  return values.filter((value) => /^https?:\/\/\S+$/i.test(value))
}

function toHexInfoHash(text: string): string | undefined {
  if (HEX_HASH.test(text)) return text.toLowerCase()
  if (BASE32_HASH.test(text)) return base32ToHex(text)
  return undefined
}

function base32ToHex(text: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567'
  let bits = ''
  for (const char of text.toLowerCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, '0')
  let hex = ''
  for (let i = 0; i + 4 <= bits.length; i += 4) hex += parseInt(bits.slice(i, i + 4), 2).toString(16)
  return hex
}
