import type { Hex } from 'viem'
import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { MANIFEST_NAME } from '../crypto/constants'
import { decryptManifest } from '../crypto/decryptManifest'
import { opaqueName } from '../crypto/opaqueName'
import type { ManifestEntry } from '../crypto/types'
import { torrentByteSource } from './torrentByteSource'

/** An encrypted torrent's file as its manifest names it, with where it sits in the torrent. */
export type PlaintextFile = ManifestEntry & { index: number }

const cache = new WeakMap<Torrent, { key: Hex; files: Promise<PlaintextFile[] | undefined> }>()

/**
 * The plaintext names, types and sizes of an encrypted torrent's files, read from its encrypted
 * manifest with the content key; `undefined` when the torrent has no manifest (it is not a
 * Keyswarm paid torrent). Cached per torrent and key. The torrent must have its metadata.
 * @throws WrongKeyError (lib/crypto) when the key is not this torrent's.
 */
export function readTorrentManifest(torrent: Torrent, key: Hex): Promise<PlaintextFile[] | undefined> {
  const known = cache.get(torrent)
  if (known?.key === key) return known.files
  const files = read(torrent, key)
  cache.set(torrent, { key, files })
  files.catch(() => cache.delete(torrent))
  return files
}

async function read(torrent: Torrent, key: Hex): Promise<PlaintextFile[] | undefined> {
  const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1)
  const manifestFile = torrent.files.find((file) => baseName(file.path) === MANIFEST_NAME)
  if (!manifestFile) return undefined
  const manifest = await decryptManifest(torrentByteSource(manifestFile), { key })
  return manifest.files.flatMap((entry) => {
    const name = opaqueName(entry.fileId)
    const index = torrent.files.findIndex((file) => baseName(file.path) === name)
    return index >= 0 ? [{ ...entry, index }] : []
  })
}
