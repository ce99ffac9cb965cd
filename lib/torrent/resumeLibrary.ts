import { getTrackers } from '../config'
import { getLibraryEntry } from '../library/getLibraryEntry'
import { listLibrary } from '../library/listLibrary'
import { addTorrent } from './addTorrent'
import { getClient } from './getClient'
import { storedBitfield } from './storedBitfield'
import { rememberTorrent } from './rememberTorrent'
import { watchTorrentHealth } from './watchTorrentHealth'

/** What `resumeLibrary` did, torrent by torrent. */
export type ResumeLibraryResult = {
  resumed: string[]
  failed: { infoHash: string; name: string; error: unknown }[]
}

/**
 * Adds every torrent of the library back to the tab's client: seeded torrents seed again from
 * the Origin Private File System, downloads continue from the pieces already stored (the engine
 * verifies them instead of fetching them again). Creates the client only when the library has
 * something in it.
 */
export async function resumeLibrary(): Promise<ResumeLibraryResult> {
  const entries = await listLibrary()
  const result: ResumeLibraryResult = { resumed: [], failed: [] }
  if (entries.length === 0) return result
  const client = await getClient()
  await Promise.all(
    entries.map(async (entry) => {
      try {
        const torrent = await addTorrent(client, {
          torrentId: entry.torrentFile?.length ? entry.torrentFile : entry.magnetURI,
          infoHash: entry.infoHash,
          bitfield: entry.torrentFile?.length ? await storedBitfield(entry) : undefined,
          fileName: entry.name,
          announce: getTrackers(),
        })
        const health = watchTorrentHealth(torrent)
        // Another tab may have removed it while it was being added: its pieces are gone, and
        // remembering it again would bring it back.
        if (!(await getLibraryEntry(entry.infoHash))) {
          health.removed = true
          torrent.destroy({ destroyStore: false })
          return
        }
        if (!entry.torrentFile?.length) await rememberTorrent(torrent, { origin: entry.origin })
        result.resumed.push(entry.infoHash)
      } catch (error) {
        console.error(`[keyswarm] could not resume ${entry.name}`, error)
        result.failed.push({ infoHash: entry.infoHash, name: entry.name, error })
      }
    }),
  )
  return result
}
