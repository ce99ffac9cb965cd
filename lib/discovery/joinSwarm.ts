import type WebTorrent from 'webtorrent/dist/webtorrent.min.js'
import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { getRelays } from '../config'
import { keepOneConnection } from './keepOneConnection'
import { discoveryLimits } from './limits'
import { createRtcPex } from './rtcPex'
import { startNostrDiscovery } from './startNostrDiscovery'
import { createSwarmLinks } from './swarmLinks'
import { type SwarmDiscovery, swarmRegistry } from './swarmRegistry'

/**
 * Makes every torrent of the client findable beyond its trackers: WebRTC peer exchange on each of
 * its wires (BEP 10 `ks_rtc_pex`) and signalling on the app's Nostr relays plus any a link named.
 * Call once, when the client is created (lib/torrent/getClient; the client's type comes from WebTorrent
 * itself, so lib/discovery imports nothing of lib/torrent back).
 */
export function joinSwarm(client: WebTorrent): void {
  client.on('add', (torrent: Torrent) => {
    // Trackers, relays and peer exchange may connect the same two peers at once: both must keep the same one.
    keepOneConnection(torrent, { selfId: client.peerId })
    const links = createSwarmLinks(torrent, { selfId: client.peerId })
    const pex = createRtcPex(links)
    const discovery: SwarmDiscovery = { links, pex }
    torrent.on('wire', (wire: { use(extension: unknown): void }) => wire.use(pex.Extension))
    const start = () => {
      if (torrent.destroyed) return
      const relays = [...new Set([...getRelays(), ...(swarmRegistry.extraRelays.get(torrent.infoHash) ?? [])])]
      discovery.nostr = startNostrDiscovery(links, {
        infoHash: torrent.infoHash,
        relays,
        wantsPeers: () => !torrent.destroyed && torrent.numPeers < discoveryLimits.wantPeers,
      })
      swarmRegistry.running.set(torrent.infoHash, discovery)
    }
    if (torrent.infoHash) start()
    else torrent.once('infoHash', start)
    torrent.once('close', () => {
      discovery.nostr?.stop()
      links.destroy()
      pex.destroy()
      if (swarmRegistry.running.get(torrent.infoHash) === discovery) swarmRegistry.running.delete(torrent.infoHash)
    })
  })
}
