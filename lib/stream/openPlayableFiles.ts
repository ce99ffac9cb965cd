import type { Hex } from 'viem'
import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { findCoverFile } from '../publish/findCoverFile'
import { whenMetadata } from '../torrent/whenMetadata'
import type { PlaybackKeys } from './createPlaybackKeys'
import { mimeType } from './mimeType'
import { pickMainFile } from './pickMainFile'
import { playbackKeys } from './playbackKeys'
import { readTorrentManifest } from './readTorrentManifest'

/** A file a page can play or show: its plaintext name, size and type, and where it sits in the torrent. */
export type PlayableFile = {
  index: number
  /** The file's name (an encrypted file's from its manifest). */
  name: string
  /** Its path in the torrent (the name, for an encrypted file). */
  path: string
  size: number
  /** From the encrypted manifest, else from the name. */
  mime: string
  /** Share of the file downloaded (0..1), read when asked. */
  progress: () => number
}

/** What {@link openPlayableFiles} finds once the file list is known. */
export type PlayableFiles = {
  files: PlayableFile[]
  /** The file to open first (see `pickMainFile`); undefined for an empty list. */
  main: PlayableFile | undefined
}

/** What the page holds: the files once known, and what it must call when it lets go of the torrent. */
export type PlayableFilesHandle = {
  /** Resolves after the torrent's metadata (and, with a key, its manifest) is read. */
  files: Promise<PlayableFiles>
  /** Releases the key this call lent the stream path. */
  destroy: () => void
}

/** Parameters of {@link openPlayableFiles}. */
export type OpenPlayableFilesParameters = {
  /** The content key of an encrypted torrent (a bought listing, a `#key=` link). */
  key?: Hex
  /** Where the stream responder looks keys up (the tab's registry). */
  keys?: PlaybackKeys
}

/**
 * Everything between an opened torrent and the player, in one call (instant.io's `onTorrent`):
 * lends the key to the stream path, waits for the file list, reads the encrypted manifest once
 * (names, types and sizes of the plaintext), and picks the main file. The page plays
 * `/stream/<infohash>/<index>` of what it gets and calls `destroy` when it closes the torrent.
 * @throws WrongKeyError (lib/crypto) through `files` when the key is not this torrent's.
 * @example
 * const playable = openPlayableFiles(torrent, { key })
 * const { main } = await playable.files
 * // …later, when the page goes:
 * playable.destroy()
 */
export function openPlayableFiles(
  torrent: Torrent,
  { key, keys = playbackKeys() }: OpenPlayableFilesParameters = {},
): PlayableFilesHandle {
  const metadata = whenMetadata(torrent)
  const manifest = key ? metadata.then(() => readTorrentManifest(torrent, key)) : Promise.resolve(undefined)
  // Held before the list is read: the stream responder waits on the same manifest.
  const release = key ? keys.hold(torrent.infoHash, { key, files: manifest }) : () => {}
  manifest.catch(() => {}) // the page hears of a wrong key through `files`
  const files = (async (): Promise<PlayableFiles> => {
    await metadata
    const entries = await manifest
    const progress = (index: number) => () => torrent.files[index]?.progress ?? 0
    const list: PlayableFile[] = entries
      ? entries.map((entry) => ({
          index: entry.index,
          name: entry.name,
          path: entry.name,
          size: entry.size,
          mime: entry.type || mimeType(entry.name),
          progress: progress(entry.index),
        }))
      : torrent.files.map((file, index) => ({
          index,
          name: file.name,
          path: file.path,
          size: file.length,
          mime: mimeType(file.name),
          progress: progress(index),
        }))
    // An encrypted torrent's cover is not in its manifest; a plain one's is a file like any other.
    const avoid = entries ? undefined : findCoverFile(torrent.files)
    return { files: list, main: pickMainFile(list, { avoid }) }
  })()
  return { files, destroy: release }
}
