import type { Hex } from 'viem'
import type { Torrent, TorrentFile } from 'webtorrent/dist/webtorrent.min.js'
import { TAG_SIZE } from '../crypto/constants'
import { dataOffset } from '../crypto/dataOffset'
import { openEncryptedFile } from '../crypto/openEncryptedFile'
import { readRange } from '../crypto/readRange'
import type { ByteSource, EncryptedFile } from '../crypto/types'
import { dropStaleRequests } from '../torrent/dropStaleRequests'
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
  /** The torrent's piece length: the chunks read and decrypted ahead cover at least one piece. */
  pieceLength?: number
  /** The file's torrent: when given, a read (a seek) first drops requests for pieces it does not need. */
  torrent?: Torrent
}

/** Chunks read from the engine and decrypted ahead of the one the player waits for, at least. */
const MIN_AHEAD = 4

/** Engine reads asked for ahead of the one a chunk waits for, at most. */
const MAX_PIECES_AHEAD = 3

/** Opened files by torrent file, key and file id: the player asks for several ranges of one file. */
const opened = new WeakMap<TorrentFile, Map<string, Promise<EncryptedFile>>>()

/**
 * Serves an encrypted torrent file as plaintext: checks the key against the header, then
 * decrypts only the chunks a range covers (lib/crypto's `readRange`), handing each chunk to the
 * player as soon as its tag is checked. While a range is read, all of its ciphertext stays
 * selected in the engine, so pieces ahead of the player keep coming.
 *
 * @throws WrongKeyError, CorruptedHeaderError, TruncatedFileError... (lib/crypto)
 */
export async function decryptedFileSource(
  file: TorrentFile,
  params: DecryptedFileSourceParameters,
): Promise<StreamSource> {
  const { key, fileId, name = file.name, type, pieceLength = 0, torrent } = params
  const encrypted = await open(file, key, fileId)
  // About a piece and a chunk of ciphertext ahead: the next piece is read (and decrypted) while
  // the player takes the last one.
  const ahead = Math.max(MIN_AHEAD, Math.ceil(pieceLength / encrypted.header.chunkSize) + 1)
  return {
    size: encrypted.size,
    mime: type || mimeType(name),
    name,
    // A resumed read leaves the newer read's requests in flight: it drops none.
    read: ({ start, end, resumed }) =>
      readDecrypted(file, encrypted, { start, end, ahead, pieceLength, torrent: resumed ? undefined : torrent }),
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
 * The plaintext of [start, end] (inclusive), one chunk at a time: the chunk holding `start` first
 * (one chunk of ciphertext, the least that must arrive before the player gets a byte), each chunk
 * sent as soon as it is decrypted, a few chunks read and decrypted ahead.
 *
 * The ciphertext comes through one engine iterator over the whole range, read in order: one
 * selection, as a plain file's read makes, and each piece it waits for is made critical.
 * `return()` stops everything at once, even while a chunk waits for its pieces: the engine serves
 * the oldest of equal-priority selections first, so a selection left behind by a range the
 * player abandoned would hold the swarm's bandwidth away from the position it seeked to.
 */
function readDecrypted(
  file: TorrentFile,
  encrypted: EncryptedFile,
  {
    start,
    end,
    ahead,
    pieceLength,
    torrent,
  }: { start: number; end: number; ahead: number; pieceLength: number; torrent?: Torrent },
): AsyncIterator<Uint8Array> {
  const { chunkSize } = encrypted.header
  const stride = chunkSize + TAG_SIZE
  const first = Math.floor(start / chunkSize)
  const last = Math.floor(end / chunkSize)
  const cipherAt = (chunk: number) => dataOffset(encrypted.header) + chunk * stride
  const cipherEnd = Math.min(file.length, cipherAt(last + 1))
  const iterator = file[Symbol.asyncIterator]({ start: cipherAt(first), end: cipherEnd - 1 })
  if (torrent) dropStaleRequests(torrent, { file, start: cipherAt(first), end: cipherEnd - 1 })
  // The engine yields one part per piece. Several are asked for at once, so each piece is read
  // from the store as soon as it is verified rather than after the one before it was handed
  // over: a version 1 chunk straddles two pieces, and the second's read would otherwise add to every
  // chunk's wait. Never more than the range's pieces: the engine's iterator stops when asked past
  // its end, dropping the reads still waiting.
  const pieceOf = (offset: number) => Math.floor((file.offset + offset) / pieceLength)
  const pieces = pieceLength > 0 ? pieceOf(cipherEnd - 1) - pieceOf(cipherAt(first)) + 1 : 0
  // Each waiting read holds a listener on the torrent: a few per range stay under the emitter's limit.
  const piecesAhead = pieceLength > 0 ? Math.min(MAX_PIECES_AHEAD, Math.ceil((ahead * stride) / pieceLength)) : 0
  let asked = 0
  const parts: Promise<IteratorResult<Uint8Array>>[] = []
  const ask = () => {
    asked++
    const part = iterator.next()
    part.catch(() => {}) // awaited in order by take()
    parts.push(part)
  }
  const nextPart = () => {
    if (parts.length === 0) ask()
    const part = parts.shift()!
    while (parts.length < piecesAhead && asked < pieces) ask()
    return part
  }

  let stopped = false
  let onStop = () => {}
  const stopping = new Promise<IteratorResult<Uint8Array>>((resolve) => {
    onStop = () => resolve({ done: true, value: undefined })
  })
  // What the engine gave beyond the last chunk taken: the start of the next one.
  let rest: Uint8Array = new Uint8Array(0)
  // The ciphertext of the next chunk, in order: a part of one engine read when it fits (no
  // copy), else gathered from two or more.
  const take = async (length: number): Promise<Uint8Array> => {
    let out: Uint8Array | undefined
    let at = 0
    while (at < length) {
      if (rest.length === 0) {
        const next = await Promise.race([nextPart(), stopping])
        if (stopped) throw new ReadStoppedError()
        if (next.done) break
        rest = next.value
      }
      const size = Math.min(rest.length, length - at)
      if (!out && size === length) {
        out = rest.subarray(0, size)
      } else {
        out ??= new Uint8Array(length)
        out.set(rest.subarray(0, size), at)
      }
      rest = rest.subarray(size)
      at += size
    }
    return (out ?? new Uint8Array(0)).subarray(0, at)
  }

  // Chunks are taken from the engine one after another; each is decrypted as soon as it is whole.
  let taking: Promise<unknown> = Promise.resolve()
  let nextChunk = first
  const queue: Promise<Uint8Array>[] = []
  const fill = () => {
    while (!stopped && queue.length < ahead && nextChunk <= last) {
      const chunk = nextChunk++
      const offset = cipherAt(chunk)
      const ciphertext = taking.then(() => take(Math.min(stride, cipherEnd - offset)))
      taking = ciphertext.catch(() => {})
      const plaintext = ciphertext.then((bytes) => {
        // readRange reads exactly this chunk's ciphertext, from these bytes.
        const source: ByteSource = {
          size: file.length,
          read: async (at, length) => bytes.subarray(at - offset, at - offset + length),
        }
        return readRange(
          { ...encrypted, source },
          { start: Math.max(start, chunk * chunkSize), end: Math.min(end + 1, (chunk + 1) * chunkSize) },
        )
      })
      plaintext.catch(() => {}) // awaited (and thrown) by next(), unless the player left first
      queue.push(plaintext)
    }
  }
  const stop = () => {
    if (stopped) return
    stopped = true
    onStop()
    queue.length = 0
    parts.length = 0
    void iterator.return?.()
  }
  fill()
  return {
    next: async () => {
      const head = queue.shift()
      if (!head) {
        stop()
        return { done: true, value: undefined }
      }
      fill()
      try {
        const bytes = await head
        if (stopped) return { done: true, value: undefined }
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
