import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { splitListingTrackers } from '@/lib/chain/splitListingTrackers'
import { getTrackers } from '@/lib/config'
import { addSwarmRelays } from '@/lib/discovery/addSwarmRelays'
import { getClient } from '@/lib/torrent/getClient'
import { rememberTorrent } from '@/lib/torrent/rememberTorrent'
import { seedFiles } from '@/lib/torrent/seedFiles'
import { watchTorrentHealth } from '@/lib/torrent/watchTorrentHealth'

/** Parameters of {@link seedListing}. */
export type SeedListingParameters = {
  files: readonly File[]
  name: string
  /** The listing's own WebSocket trackers, announced to on top of the app's (its Nostr relays among them as `nostr+wss://`). */
  trackers?: readonly string[]
  webSeeds?: readonly string[]
  /** Hex content key when the files are ciphertext (kept with the library entry). */
  keyHex?: string
  /** Piece length the files were encrypted for (format version 2); see `seedFiles`. */
  pieceLength?: number
}

/**
 * Seeds a listing's torrent from this tab (as `shareFiles` does), announcing it to the app's
 * trackers and the listing's own (and its Nostr relays), and keeps it in the library so the tab seeds it after a reload.
 * @throws StorageFullError, TorrentFailedError (lib/torrent)
 */
export async function seedListing({
  files,
  name,
  trackers = [],
  webSeeds,
  keyHex,
  pieceLength,
}: SeedListingParameters): Promise<Torrent> {
  const client = await getClient()
  const own = splitListingTrackers(trackers)
  const announce = [...new Set([...getTrackers(), ...own.trackers])]
  const torrent = await seedFiles(client, { files, name, webSeeds, announce, pieceLength })
  addSwarmRelays(torrent.infoHash, own.relays)
  watchTorrentHealth(torrent)
  await rememberTorrent(torrent, { origin: 'seeded', keyHex })
  return torrent
}
