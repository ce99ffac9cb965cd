import { webSocketUrls } from './webSocketUrls'

/** Where a link says the torrent's peers are, beyond the app's own: `&tr=` trackers and `&relay=` Nostr relays. */
export type LinkSources = { trackers: readonly string[]; relays: readonly string[] }

/**
 * Reads a page address's `tr=` and `relay=` parameters (a share or embed link's), keeping only
 * ws:// and wss:// URLs: a browser reaches trackers and relays over WebSocket only, and anything
 * else a link names is ignored, never dialled.
 * @example
 * readLinkSources(new URLSearchParams('?id=…&tr=wss%3A%2F%2Ft.example&relay=wss%3A%2F%2Fr.example'))
 * // { trackers: ['wss://t.example'], relays: ['wss://r.example'] }
 */
export function readLinkSources(params: Pick<URLSearchParams, 'getAll'>): LinkSources {
  return { trackers: webSocketUrls(params.getAll('tr')), relays: webSocketUrls(params.getAll('relay')) }
}
