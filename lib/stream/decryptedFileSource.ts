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
  /** The torrent's piece length: steps after the first are at least one piece. */
  pieceLength?: number
}

/**
 * Plaintext bytes decrypted per step: one chunk first (fast first frame, fast seek), then about
 * a torrent piece at a time, so bytes reach the player as soon as their piece is verified, as
 * on the plain path.
 */
const FIRST_STEP = 64 * 1024
const MIN_STEP = 128 * 1024

/**
 * Serves an encrypted torrent file as plaintext: checks the key against the header, then
 * decrypts only the chunks a range covers (lib/crypto's `readRange`). While a range is read, all
 * of its ciphertext stays selected in the engine, so pieces ahead of the player keep coming.
 *
 * @throws WrongKeyError, CorruptedHeaderError, TruncatedFileError... (lib/crypto)
 */
export async function decryptedFileSource(file: TorrentFile, params: DecryptedFileSourceParameters): Promise<StreamSource> {
  const { key, fileId, name = file.name, type, pieceLength = MIN_STEP } = params
  const stepSize = Math.max(MIN_STEP, pieceLength)
  const encrypted = await openEncryptedFile(torrentByteSource(file), { key, fileId })
  const { chunkSize } = encrypted.header
  return {
    size: encrypted.size,
    mime: type || mimeType(name),
    name,
    read: ({ start, end }) => readDecrypted(file, encrypted, { chunkSize, stepSize, start, end }),
  }
}

async function* readDecrypted(
  file: TorrentFile,
  encrypted: Awaited<ReturnType<typeof openEncryptedFile>>,
  { chunkSize, stepSize, start, end }: { chunkSize: number; stepSize: number; start: number; end: number },
): AsyncGenerator<Uint8Array> {
  // Holding an engine iterator over the range's ciphertext keeps its pieces selected (prefetch);
  // it is never read, only returned when the player stops reading.
  const cipherStart = Math.min(file.length - 1, HEADER_SIZE + Math.floor(start / chunkSize) * (chunkSize + TAG_SIZE))
  const prefetch = file[Symbol.asyncIterator]({ start: cipherStart, end: file.length - 1 })
  // Steps end on chunk boundaries so no chunk is decrypted twice; `end` is exclusive for readRange.
  const stepFrom = (position: number, step: number) => ({
    start: position,
    end: Math.min(end + 1, Math.ceil((position + step) / chunkSize) * chunkSize),
  })
  let range = stepFrom(start, FIRST_STEP)
  let pending = readRange(encrypted, range)
  try {
    for (;;) {
      const bytes = await pending
      const more = range.end <= end
      if (more) {
        // The next step is fetched and decrypted while this one travels to the player.
        range = stepFrom(range.end, stepSize)
        pending = readRange(encrypted, range)
        pending.catch(() => {}) // awaited (and thrown) on the next turn, unless the player left
      }
      yield bytes
      if (!more) return
    }
  } finally {
    await prefetch.return?.()
  }
}
