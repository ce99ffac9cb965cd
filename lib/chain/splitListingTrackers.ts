/** A listing's tracker entries, sorted: WebSocket trackers to announce to, and Nostr relays to meet peers on. */
export type ListingTrackers = { trackers: string[]; relays: string[] }

const RELAY_ENTRY = /^nostr\+(wss?:\/\/\S+)$/i

/**
 * Splits the tracker list a listing carries on chain (`Listed`, `SourcesChanged`) into trackers and
 * Nostr relays. The contract has no field for relays, so a listing names one among its trackers as
 * `nostr+wss://relay.example` (`nostr+ws://` on a local stack): readers before this one see an
 * address they cannot announce to and ignore it, as WebTorrent does any tracker it does not speak.
 * @example
 * splitListingTrackers(['wss://t.example', 'nostr+wss://r.example']) // { trackers: ['wss://t.example'], relays: ['wss://r.example'] }
 */
export function splitListingTrackers(entries: readonly string[]): ListingTrackers {
  const trackers: string[] = []
  const relays: string[] = []
  for (const entry of entries) {
    const relay = RELAY_ENTRY.exec(entry)?.[1]
    if (relay) relays.push(relay)
    else trackers.push(entry)
  }
  return { trackers, relays }
}
