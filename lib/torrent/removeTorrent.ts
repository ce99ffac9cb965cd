import { deleteLibraryEntry } from '../library/deleteLibraryEntry'
import { getLibraryEntry } from '../library/getLibraryEntry'
import { peekClient } from './peekClient'
import { watchTorrentHealth } from './watchTorrentHealth'

/**
 * Removes a torrent and its data: stops it, deletes its pieces from the Origin Private File
 * System and forgets it in the library. Safe to call for a torrent that is not running.
 */
export async function removeTorrent(infoHash: string): Promise<void> {
  const entry = await getLibraryEntry(infoHash)
  const client = await peekClient()?.catch(() => undefined)
  const torrent = client?.torrents.find((t) => t.infoHash === infoHash)
  const name = torrent?.name ?? entry?.name
  if (client && torrent) {
    watchTorrentHealth(torrent).removed = true
    await new Promise<void>((resolve, reject) =>
      client.remove(torrent, { destroyStore: true }, (error) => (error ? reject(error) : resolve())).catch(reject),
    )
  }
  if (name) await removeStoredPieces(`${name} - ${infoHash.slice(0, 8)}`)
  await deleteLibraryEntry(infoHash)
}

/** The engine's OPFS store lives in a directory named "<torrent name> - <first 8 of infohash>". */
async function removeStoredPieces(directory: string): Promise<void> {
  if (!navigator.storage?.getDirectory) return
  const root = await navigator.storage.getDirectory()
  await root.removeEntry(directory, { recursive: true }).catch((error: unknown) => {
    if ((error as DOMException)?.name !== 'NotFoundError') throw error
  })
}
