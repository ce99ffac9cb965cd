/** Parameters of {@link toListingTrackers}. */
export type ToListingTrackersParameters = { trackers: readonly string[]; relays?: readonly string[] }

/**
 * The tracker list a listing carries on chain: its WebSocket trackers, then its Nostr relays marked
 * `nostr+<ws(s) URL>` (the contract has no field for relays; see `splitListingTrackers`), without
 * duplicates.
 * @example
 * toListingTrackers({ trackers: ['wss://t.example'], relays: ['wss://r.example'] }) // ['wss://t.example', 'nostr+wss://r.example']
 */
export function toListingTrackers({ trackers, relays = [] }: ToListingTrackersParameters): string[] {
  return [...new Set([...trackers, ...relays.map((relay) => (relay.startsWith('nostr+') ? relay : `nostr+${relay}`))])]
}
