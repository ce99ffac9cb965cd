import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { chunkStore } from './chunkStore'
import type { TorrentClient } from './clientSlot'
import { StorageFullError, TorrentError, TorrentFailedError } from './errors'
import { isQuotaError } from './isQuotaError'
import { pieceLengthFor } from './pieceLengthFor'

/** Parameters of `seedFiles`. */
export type SeedFilesParameters = {
  /** The files of the new torrent (one or several). */
  files: readonly File[]
  /** Torrent name; the single file's name, or the first file's when several. */
  name?: string
  /** WebSocket trackers the torrent names and announces to. */
  announce: readonly string[]
  /** HTTP web seeds (BEP 19) written into the torrent. */
  webSeeds?: readonly string[]
  comment?: string
  /** Piece length in bytes; `pieceLengthFor` the files' total size unless given (a piece-aligned listing fixes it first). */
  pieceLength?: number
}

/**
 * Creates a torrent from files the person dropped or picked and seeds it from this tab.
 * The files are copied into the Origin Private File System as they are hashed, so the tab
 * keeps seeding after a reload without asking for the files again.
 * Resolves when the torrent is complete and announced.
 *
 * @throws StorageFullError when the copy does not fit in the browser's quota.
 * @example
 * const torrent = await seedFiles(client, { files: [...input.files], announce: getTrackers() })
 */
export function seedFiles(client: TorrentClient, params: SeedFilesParameters): Promise<Torrent> {
  const { files, announce, webSeeds = [], comment } = params
  if (files.length === 0) return Promise.reject(new TorrentError('Choose at least one file to share.'))
  const name = params.name ?? files[0]!.name
  return new Promise<Torrent>((resolve, reject) => {
    const torrent = client.seed([...files], {
      name: files.length > 1 ? name : undefined,
      announce: [...announce],
      urlList: webSeeds.length ? [...webSeeds] : undefined,
      comment,
      createdBy: 'Keyswarm',
      store: chunkStore(),
      pieceLength: params.pieceLength ?? pieceLengthFor(files.reduce((sum, file) => sum + file.size, 0)),
    })
    const onSeed = () => {
      torrent.removeListener('error', onError)
      // A torrent seeded before with these exact files is the one already in the client.
      resolve(client.torrents.find((t) => t.infoHash === torrent.infoHash && !t.destroyed) ?? torrent)
    }
    const onError = (error: unknown) => {
      torrent.removeListener('seed', onSeed)
      const message = String((error as Error)?.message ?? error)
      const duplicate = /duplicate torrent ([0-9a-f]{40})/i.exec(message)
      const existing = duplicate && client.torrents.find((t) => t.infoHash === duplicate[1])
      if (existing) return resolve(existing)
      if (isQuotaError(error)) return reject(new StorageFullError({ cause: error }))
      reject(new TorrentFailedError(name, { cause: error }))
    }
    torrent.once('seed', onSeed)
    torrent.once('error', onError)
  })
}
