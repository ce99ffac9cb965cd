import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { FileNotFoundError, TorrentError } from '../torrent/errors'
import { peekClient } from '../torrent/peekClient'
import { decryptedFileSource } from './decryptedFileSource'
import { endOnTorrentClose } from './endOnTorrentClose'
import { plainFileSource } from './plainFileSource'
import type { PlaybackKeys } from './createPlaybackKeys'
import type { StreamSource, StreamSources } from './types'

/**
 * Stream sources backed by the tab's torrents: `/stream/<infohash>/<index>` serves that file,
 * decrypted (and named from the encrypted manifest) while a page holds its key in `keys` (see
 * `openPlayableFiles`). Reads end with an error when the torrent closes (stopped, removed in any
 * tab), never hang.
 */
export function createTorrentSources(keys: PlaybackKeys): StreamSources {
  const find = async (id: string): Promise<Torrent | undefined> => {
    const client = await peekClient()?.catch(() => undefined)
    return client?.torrents.find((t) => t.infoHash === id && !t.destroyed)
  }
  return {
    has: async (id) => !!(await find(id)),
    open: async (id, index) => {
      const torrent = await find(id)
      if (!torrent) throw new TorrentError(`This tab does not have torrent ${id}.`)
      return endOnTorrentClose(torrent, await openFile(keys, torrent, index))
    },
  }
}

async function openFile(keys: PlaybackKeys, torrent: Torrent, index: number): Promise<StreamSource> {
  const id = torrent.infoHash
  await whenReady(torrent)
  const file = torrent.files[index]
  if (!file) throw new FileNotFoundError(id, index)
  const held = keys.get(id)
  if (!held) return plainFileSource(file, { torrent })
  const { key } = held
  const manifest = await held.files
  if (!manifest) return decryptedFileSource(file, { key, pieceLength: torrent.pieceLength, torrent })
  const entry = manifest.find((e) => e.index === index)
  if (!entry) throw new FileNotFoundError(id, index)
  return decryptedFileSource(file, {
    key,
    name: entry.name,
    type: entry.type,
    fileId: entry.fileId,
    pieceLength: torrent.pieceLength,
    torrent,
  })
}

function whenReady(torrent: Torrent): Promise<void> {
  if (torrent.ready) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const onReady = () => {
      torrent.removeListener('close', onClose)
      resolve()
    }
    const onClose = () => {
      torrent.removeListener('ready', onReady)
      reject(new TorrentError(`The torrent ${torrent.infoHash} was closed.`))
    }
    torrent.once('ready', onReady)
    torrent.once('close', onClose)
  })
}
