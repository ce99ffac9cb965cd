/** What a listing's source is: a WebSocket tracker or an HTTP web seed (BEP 19). */
export type SourceKind = 'tracker' | 'web seed'

// A listing names a Nostr relay among its trackers as `nostr+wss://…` (see splitListingTrackers).
const protocols: Record<SourceKind, readonly string[]> = {
  tracker: ['ws:', 'wss:', 'nostr+ws:', 'nostr+wss:'],
  'web seed': ['http:', 'https:'],
}

/**
 * Whether `value` is an address a browser can use as a listing's source: browsers reach only
 * WebSocket trackers (`ws://`, `wss://`; a Nostr relay as `nostr+wss://`) and fetch web seeds over
 * `http://` or `https://`.
 * @example
 * isSourceUrl('wss://tracker.example.org', 'tracker') // true
 */
export function isSourceUrl(value: string, kind: SourceKind): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  return protocols[kind].includes(url.protocol) && !!url.hostname
}
