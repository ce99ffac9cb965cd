import type { TorrentFile } from 'webtorrent/dist/webtorrent.min.js'
import { TorrentError } from '../torrent/errors'
import type { StreamSource } from './types'

/** Parameters of `decryptedFileSource`. */
export type DecryptedFileSourceParameters = { key: Uint8Array }

/** Placeholder until lib/crypto's readRange lands. */
export function decryptedFileSource(_file: TorrentFile, _params: DecryptedFileSourceParameters): StreamSource {
  throw new TorrentError('Encrypted files cannot be played yet.')
}
