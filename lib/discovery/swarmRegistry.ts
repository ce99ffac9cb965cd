import type { NostrDiscovery } from './startNostrDiscovery'
import type { RtcPex } from './rtcPex'
import type { SwarmLinks } from './swarmLinks'

/** Discovery of one torrent beyond its trackers, as `joinSwarm` runs it. */
export type SwarmDiscovery = { links: SwarmLinks; pex: RtcPex; nostr?: NostrDiscovery }

/**
 * Where discovery state lives (internal to lib/discovery): running discoveries by infoHash, and the
 * extra relays a link or listing named for a torrent, kept until (and after) the torrent starts.
 */
export const swarmRegistry = {
  running: new Map<string, SwarmDiscovery>(),
  extraRelays: new Map<string, Set<string>>(),
}
