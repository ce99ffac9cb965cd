import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { getTrackers } from '../config'
import { addSwarmRelays } from '../discovery/addSwarmRelays'
import { getLibraryEntry } from '../library/getLibraryEntry'
import { addTorrent } from './addTorrent'
import { getClient } from './getClient'
import { markTorrentTimeline } from './markTorrentTimeline'
import { storedBitfield } from './storedBitfield'
import { webSocketUrls } from './webSocketUrls'
import { parseTorrentId } from './parseTorrentId'
import { rememberTorrent } from './rememberTorrent'
import { watchTorrentHealth } from './watchTorrentHealth'

/** Parameters of `openTorrent`. */
export type OpenTorrentParameters = {
  /** A magnet link, infohash or share link (text), or the bytes of a .torrent file. */
  torrentId: string | Uint8Array
  /** Name of the .torrent file the bytes came from, for messages. */
  fileName?: string
  /**
   * HTTP web seeds (BEP 19), e.g. a listing's, on top of the torrent's own and the link's `ws=`.
   * A URL ending in `.torrent` is where the file list can be fetched when no peer is there.
   */
  webSeeds?: readonly string[]
  /** WebSocket trackers to announce to (e.g. a listing's or a link's `tr=`), on top of the app's; others are ignored. */
  trackers?: readonly string[]
  /** Nostr relays where the torrent's peers also meet (e.g. a link's `relay=`), on top of the app's; non-WebSocket URLs are ignored. */
  relays?: readonly string[]
  /** Hex content key of an encrypted torrent, kept with the library entry. */
  keyHex?: string
  /** Keep it in the library so it resumes after a reload (default true). */
  remember?: boolean
}

/**
 * Opens a torrent in the tab's client (creating the client if needed), announces it to the
 * app's trackers and keeps it in the library.
 *
 * @throws InvalidTorrentIdError, NotATorrentFileError, StorageFullError, TorrentFailedError
 */
export async function openTorrent(params: OpenTorrentParameters): Promise<Torrent> {
  const { torrentId, fileName, webSeeds, trackers = [], relays = [], keyHex, remember = true } = params
  // A torrent of the library opens from its stored .torrent file: no peer is needed for the
  // file list, and the pieces already stored count at once.
  const parsed = typeof torrentId === 'string' ? parseTorrentId(torrentId) : undefined
  const infoHash = parsed?.infoHash
  // The engine loads while the library is read: on a cold tab both take a while, and the first
  // frame waits for the later of the two, not their sum.
  const [client, entry] = await Promise.all([getClient(), infoHash ? getLibraryEntry(infoHash) : undefined])
  const stored = entry?.torrentFile?.length ? entry : undefined
  if (infoHash) addSwarmRelays(infoHash, webSocketUrls([...relays, ...(parsed?.relays ?? [])]))
  const torrent = await addTorrent(client, {
    torrentId: stored?.torrentFile ?? torrentId,
    bitfield: stored && (await storedBitfield(stored)),
    infoHash,
    fileName,
    // The link's web seeds still count when the torrent opens from the library's stored file.
    webSeeds: [...(webSeeds ?? []), ...(parsed?.webSeeds ?? [])],
    // Every tracker counts, and each works on its own: one that is down or hangs delays no other.
    announce: [...new Set([...getTrackers(), ...webSocketUrls(trackers), ...(parsed?.trackers ?? [])])],
  })
  watchTorrentHealth(torrent)
  markTorrentTimeline(torrent)
  // The library write must not delay the first frame; a failure only reaches the log.
  if (remember) {
    rememberTorrent(torrent, { origin: 'downloaded', keyHex }).catch((error: unknown) =>
      console.error('[keyswarm] could not keep the torrent in the library', error),
    )
  }
  return torrent
}
