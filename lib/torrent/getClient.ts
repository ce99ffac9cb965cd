import { type TorrentClient, clientSlot } from './clientSlot'
import { UnsupportedBrowserError } from './errors'
import { trackReceipts } from './trackReceipts'

export type { TorrentClient } from './clientSlot'

/**
 * The tab's one long-lived WebTorrent client, created on first use.
 * The engine is loaded with a dynamic `import()` of its prebuilt browser bundle, so it never runs
 * during static prerender and costs nothing on pages that do not share files.
 *
 * @example
 * const client = await getClient()
 */
export function getClient(): Promise<TorrentClient> {
  if (typeof window === 'undefined') {
    return Promise.reject(new UnsupportedBrowserError('torrents only run in a browser tab'))
  }
  clientSlot.promise ??= createClient().catch((error: unknown) => {
    clientSlot.promise = undefined
    throw error
  })
  return clientSlot.promise
}

async function createClient(): Promise<TorrentClient> {
  if (typeof RTCPeerConnection === 'undefined') throw new UnsupportedBrowserError('WebRTC is missing or turned off')
  // Discovery loads with the engine, never during prerender: its WebRTC library has no Node side here.
  const [{ default: WebTorrentClient }, { joinSwarm }] = await Promise.all([
    import('webtorrent/dist/webtorrent.min.js'),
    import('../discovery/joinSwarm'),
  ])
  const client = new WebTorrentClient({ dht: false, lsd: false, utPex: false })
  // Torrent errors with no listener of their own land here; they must reach the log, not vanish.
  client.on('error', (error: unknown) => console.error('[keyswarm] torrent client error', error))
  // Peers also meet through the swarm itself and on Nostr relays: no tracker is needed to join.
  joinSwarm(client)
  // Every torrent, added or seeded, speaks the seeding receipts extension from its first wire.
  client.on('add', trackReceipts)
  performance.mark('keyswarm:client')
  return client
}
