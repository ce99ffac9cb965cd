import type { Hex } from 'viem'
import { type LinkSources, readLinkSources } from '@/lib/torrent/readLinkSources'
import { EmbedParamsError } from './errors'

/** What an embed URL asks the player to show, and how. */
export type EmbedParams = {
  source:
    | { kind: 'listing'; contentId: bigint }
    /** `torrentId` is a magnet link or infohash; `key` decrypts an encrypted free file. */
    | { kind: 'torrent'; torrentId: string; key?: Hex }
  /** Forced scheme; undefined follows the viewer's own choice. */
  theme?: 'light' | 'dark'
  autoplay: boolean
  muted: boolean
  /** The only host origin the player takes commands from and sends events to, when given. */
  origin?: string
  /** Trackers (`tr=`) and Nostr relays (`relay=`) the address names, on top of the app's and a listing's. */
  linkSources: LinkSources
}

/** Parameters of {@link readEmbedParams}: the frame's `location.search` and `location.hash`. */
export type ReadEmbedParamsParameters = { search: string; hash?: string }

const yes = (value: string | null) => value === '1' || value === 'true'

/**
 * Reads `/embed?listing=<contentId>` or `?id=<infohash>` / `?magnet=<magnet>` (with `#key=<64 hex>`
 * for an encrypted free file), plus `theme=light|dark`, `autoplay=1`, `muted=1`, `origin=<origin>`,
 * and as many `tr=<ws(s) tracker>` and `relay=<ws(s) Nostr relay>` as the share link had.
 *
 * @throws EmbedParamsError with a sentence for the viewer when the URL names nothing playable.
 * @example
 * readEmbedParams({ search: '?listing=3&theme=dark' }) // { source: { kind: 'listing', contentId: 3n }, theme: 'dark', ... }
 */
export function readEmbedParams({ search, hash = '' }: ReadEmbedParamsParameters): EmbedParams {
  const params = new URLSearchParams(search)
  const listing = params.get('listing')
  const torrentId = params.get('magnet') ?? params.get('id')
  const theme = params.get('theme')
  const origin = params.get('origin') ?? undefined

  if (theme && theme !== 'light' && theme !== 'dark')
    throw new EmbedParamsError(`The theme "${theme.slice(0, 20)}" is not one the player has: use light or dark.`)
  if (origin !== undefined && !isOrigin(origin))
    throw new EmbedParamsError('The origin parameter must be a web origin such as https://example.com.')

  let source: EmbedParams['source']
  if (listing !== null) {
    if (!/^\d{1,78}$/.test(listing))
      throw new EmbedParamsError(`The listing "${listing.slice(0, 20)}" is not a listing number.`)
    source = { kind: 'listing', contentId: BigInt(listing) }
  } else if (torrentId) {
    source = { kind: 'torrent', torrentId, key: readKey(hash) }
  } else {
    throw new EmbedParamsError('This player was given nothing to play: its address needs ?listing=, ?id= or ?magnet=.')
  }
  return {
    source,
    theme: theme === 'light' || theme === 'dark' ? theme : undefined,
    autoplay: yes(params.get('autoplay')),
    muted: yes(params.get('muted')),
    origin,
    linkSources: readLinkSources(params),
  }
}

function readKey(hash: string): Hex | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('key')
  if (!value) return undefined
  if (!/^(0x)?[0-9a-f]{64}$/i.test(value))
    throw new EmbedParamsError('The key in this player’s address is damaged: it must be 64 hexadecimal characters.')
  return `0x${value.replace(/^0x/i, '').toLowerCase()}`
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value
  } catch {
    return false
  }
}
