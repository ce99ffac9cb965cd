import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { getTrackers } from '../config'
import { getClient } from './getClient'
import { rememberTorrent } from './rememberTorrent'
import { seedFiles } from './seedFiles'
import { watchTorrentHealth } from './watchTorrentHealth'

/** Parameters of `shareFiles`. */
export type ShareFilesParameters = {
  files: readonly File[]
  name?: string
  webSeeds?: readonly string[]
  /** Hex content key when the files are ciphertext (kept with the library entry). */
  keyHex?: string
}

/**
 * Seeds the person's files from this tab: creates the torrent, announces it to the app's
 * trackers and keeps it in the library, so the tab seeds it again after a reload.
 *
 * @throws StorageFullError, TorrentFailedError
 */
export async function shareFiles(params: ShareFilesParameters): Promise<Torrent> {
  const { files, name, webSeeds, keyHex } = params
  const client = await getClient()
  const torrent = await seedFiles(client, { files, name, webSeeds, announce: getTrackers() })
  watchTorrentHealth(torrent)
  await rememberTorrent(torrent, { origin: 'seeded', keyHex })

  return torrent
}
