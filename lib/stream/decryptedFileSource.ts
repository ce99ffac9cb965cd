import type { Hex } from 'viem'
import type { TorrentFile } from 'webtorrent/dist/webtorrent.min.js'
import { HEADER_SIZE, TAG_SIZE } from '../crypto/constants'
import { openEncryptedFile } from '../crypto/openEncryptedFile'
import { readRange } from '../crypto/readRange'
import { mimeType } from './mimeType'
import { torrentByteSource } from './torrentByteSource'
import type { StreamSource } from './types'

/** Parameters of `decryptedFileSource`. */
export type DecryptedFileSourceParameters = {
  /** The content key `K`. */
  key: Hex
  /** Plaintext name and type (from the manifest); the torrent's opaque name otherwise. */
  name?: string
  type?: string
  /** The file id the manifest gives; refuses a file swapped in from elsewhere. */
  fileId?: Hex
}

/** Plaintext bytes decrypted per step at first (fast first frame), then per step once flowing. */
const FIRST_STEP = 64 * 1024
const STEP = 1024 * 1024

/**
 * Serves an encrypted torrent file as plaintext: checks the key against the header, then
 * decrypts only the chunks a range covers (lib/crypto's `readRange`). While a range is read, all
 * of its ciphertext stays selected in the engine, so pieces ahead of the player keep coming.
 *
 * @throws WrongKeyError, CorruptedHeaderError, TruncatedFileError... (lib/crypto)
 */
export async function decryptedFileSource(file: TorrentFile, params: DecryptedFileSourceParameters): Promise<StreamSource> {
  const { key, fileId, name = file.name, type } = params
  const encrypted = await openEncryptedFile(torrentByteSource(file), { key, fileId })
  const { chunkSize } = encrypted.header
  return {
    size: encrypted.size,
    mime: type || mimeType(name),
    name,
    read: ({ start, end }) => readDecrypted(file, encrypted, chunkSize, start, end),
  }
}

async function* readDecrypted(
  file: TorrentFile,
  encrypted: Awaited<ReturnType<typeof openEncryptedFile>>,
  chunkSize: number,
  start: number,
  end: number,
): AsyncGenerator<Uint8Array> {
  // Holding an engine iterator over the range's ciphertext keeps its pieces selected (prefetch);
  // it is never read, only returned when the player stops reading.
  const cipherStart = Math.min(file.length - 1, HEADER_SIZE + Math.floor(start / chunkSize) * (chunkSize + TAG_SIZE))
  const prefetch = file[Symbol.asyncIterator]({ start: cipherStart, end: file.length - 1 })
  try {
    let position = start
    let step = FIRST_STEP
    while (position <= end) {
      // Steps end on chunk boundaries so no chunk is decrypted twice.
      const until = Math.min(end + 1, Math.ceil((position + step) / chunkSize) * chunkSize)
      yield await readRange(encrypted, { start: position, end: until })
      position = until
      step = STEP
    }
  } finally {
    await prefetch.return?.()
  }
}
