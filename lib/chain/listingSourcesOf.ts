import type { ListedListing } from './readListings'
import { splitListingTrackers } from './splitListingTrackers'

/** The trackers, Nostr relays and web seeds a listing uses now. */
export type ListingSources = {
  trackers: readonly string[]
  /** Nostr relays its peers also meet on (named among the trackers on chain: see splitListingTrackers). */
  relays: readonly string[]
  webSeeds: readonly string[]
  /** Block of the `SourcesChanged` event they come from; undefined when they are still the `Listed` ones. */
  changedAt?: bigint
}

/** The sources of a listing's latest `SourcesChanged` event, as read from its log. */
export type SourcesChange = { trackers: readonly string[]; webSeeds: readonly string[]; blockNumber: bigint }

/**
 * The sources in effect for a listing: its latest `SourcesChanged` when it has one, else what it was
 * listed with; relays split out of the trackers either way (see splitListingTrackers).
 */
export function listingSourcesOf(listing: ListedListing, changed?: SourcesChange): ListingSources {
  return changed
    ? { ...splitListingTrackers(changed.trackers), webSeeds: changed.webSeeds, changedAt: changed.blockNumber }
    : { ...splitListingTrackers(listing.trackers), webSeeds: listing.webSeeds }
}
