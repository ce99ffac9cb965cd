import type { Hex } from 'viem'
import type { TorrentFile } from 'webtorrent/dist/webtorrent.min.js'
import { HEADER_SIZE, TAG_SIZE } from '../crypto/constants'
import { openEncryptedFile } from '../crypto/openEncryptedFile'
import { readRange } from '../crypto/readRange'
import type { ByteSource, EncryptedFile } from '../crypto/types'
import { TorrentError } from '../torrent/errors'
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

/** Plaintext bytes decrypted per step after the first: about a torrent piece at a time. */
const MIN_STEP = 128 * 1024

/** Opened files by torrent file, key and file id: the player asks for several ranges of one file. */
const opened = new WeakMap<TorrentFile, Map<string, Promise<EncryptedFile>>>()

/**
 * Serves an encrypted torrent file as plaintext: checks the key against the header, then
 * decrypts only the chunks a range covers (lib/crypto's `readRange`). While a range is read, all
 * of its ciphertext stays selected in the engine, so pieces ahead of the player keep coming.
 *
 * @throws WrongKeyError, CorruptedHeaderError, TruncatedFileError... (lib/crypto)
 */
export async function decryptedFileSource(
  file: TorrentFile,
  params: DecryptedFileSourceParameters,
): Promise<StreamSource> {
  const { key, fileId, name = file.name, type, pieceLength = MIN_STEP } = params
  const stepSize = Math.max(MIN_STEP, pieceLength)
  const encrypted = await open(file, key, fileId)
  const { chunkSize } = encrypted.header
  return {
    size: encrypted.size,
    mime: type || mimeType(name),
    name,
    read: ({ start, end }) => readDecrypted(file, encrypted, { chunkSize, stepSize, start, end }),
  }
}

/**
 * The header is read and the file's keys derived once per file, not once per range request: a
 * seek then costs no header read nor key derivation before its first chunk.
 */
function open(file: TorrentFile, key: Hex, fileId: Hex | undefined): Promise<EncryptedFile> {
  const byKey = opened.get(file) ?? new Map<string, Promise<EncryptedFile>>()
  opened.set(file, byKey)
  const id = `${key.toLowerCase()}/${fileId?.toLowerCase() ?? ''}`
  const known = byKey.get(id)
  if (known) return known
  const opening = openEncryptedFile(torrentByteSource(file), { key, fileId })
  byKey.set(id, opening)
  opening.catch(() => byKey.delete(id))
  return opening
}

/** A range read stopped because the player stopped reading it (it seeked away). */
class ReadStoppedError extends TorrentError {
  override name = 'ReadStoppedError'
  constructor() {
    super('The read was stopped.')
  }
}

/**
 * The plaintext of [start, end] (inclusive) in steps: the chunk holding `start` first (one chunk
 * of ciphertext: the least that must arrive before the player gets a byte), then about a piece at
 * a time, the next step fetched and decrypted while the last one travels to the player.
 *
 * `return()` stops everything at once, even while a step waits for its pieces: the engine serves
 * the oldest of equal-priority selections first, so a selection left behind by a range the
 * player abandoned would hold the swarm's bandwidth away from the position it seeked to.
 */
function readDecrypted(
  file: TorrentFile,
  encrypted: EncryptedFile,
  { chunkSize, stepSize, start, end }: { chunkSize: number; stepSize: number; start: number; end: number },
): AsyncIterator<Uint8Array> {
  const reads = new Set<AsyncIterator<Uint8Array>>()
  let stopped = false
  // Ciphertext reads of this range only, each through an engine iterator that `return()` can stop.
  const source: ByteSource = {
    size: file.length,
    read: async (offset, length) => {
      const last = Math.min(file.length, offset + length) - 1
      if (last < offset) return new Uint8Array(0)
      // The engine treats `end: 0` as "to the end of the file"; read one byte more and cut.
      const iterator = file[Symbol.asyncIterator]({
        start: offset,
        end: last === 0 ? Math.min(1, file.length - 1) : last,
      })
      reads.add(iterator)
      try {
        const bytes = new Uint8Array(last - offset + 1)
        let at = 0
        while (at < bytes.length) {
          const next = await iterator.next()
          if (stopped) throw new ReadStoppedError()
          if (next.done) break
          const part = next.value.subarray(0, bytes.length - at)
          bytes.set(part, at)
          at += part.length
        }
        return bytes.subarray(0, at)
      } finally {
        reads.delete(iterator)
        void iterator.return?.()
      }
    },
  }
  const session: EncryptedFile = { ...encrypted, source }
  // Holding an engine iterator over the range's ciphertext keeps its pieces selected (prefetch);
  // it is never read, only returned when the player stops reading.
  const cipherStart = Math.min(file.length - 1, HEADER_SIZE + Math.floor(start / chunkSize) * (chunkSize + TAG_SIZE))
  const prefetch = file[Symbol.asyncIterator]({ start: cipherStart, end: file.length - 1 })
  // Steps end on chunk boundaries so no chunk is decrypted twice; `end` is exclusive for readRange.
  const stepFrom = (position: number, step: number) => ({
    start: position,
    end: Math.min(end + 1, Math.ceil((position + step) / chunkSize) * chunkSize),
  })
  let range = { start, end: Math.min(end + 1, (Math.floor(start / chunkSize) + 1) * chunkSize) }
  let pending: Promise<Uint8Array> | undefined = readRange(session, range)
  const stop = () => {
    stopped = true
    pending?.catch(() => {}) // abandoned: its failure (ReadStoppedError) is no one's concern
    pending = undefined
    void prefetch.return?.()
    for (const read of reads) void read.return?.()
    reads.clear()
  }
  return {
    next: async () => {
      if (!pending) return { done: true, value: undefined }
      try {
        const bytes = await pending
        if (stopped) return { done: true, value: undefined }
        if (range.end <= end) {
          range = stepFrom(range.end, stepSize)
          pending = readRange(session, range)
          pending.catch(() => {}) // awaited (and thrown) on the next call, unless the player left
        } else {
          stop()
        }
        return { done: false, value: bytes }
      } catch (error) {
        if (stopped && error instanceof ReadStoppedError) return { done: true, value: undefined }
        stop()
        throw error
      }
    },
    return: async () => {
      stop()
      return { done: true, value: undefined }
    },
  }
}
