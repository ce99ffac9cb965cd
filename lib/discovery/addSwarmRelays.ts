import { swarmRegistry } from './swarmRegistry'

/**
 * Names more Nostr relays for a torrent (a share link's `relay=`, a listing's own), on top of the
 * app's. Takes effect at once when the torrent is already running, else when it starts.
 */
export function addSwarmRelays(infoHash: string, relays: readonly string[]): void {
  if (!relays.length) return
  const known = swarmRegistry.extraRelays.get(infoHash) ?? new Set<string>()
  for (const url of relays) known.add(url)
  swarmRegistry.extraRelays.set(infoHash, known)
  swarmRegistry.running.get(infoHash)?.nostr?.addRelays(relays)
}
