import { isQuotaError } from './isQuotaError'
import { writePieceInWorker } from './writePieceInWorker'

/** What the engine passes a chunk store besides the chunk length. */
export type OpfsChunkStoreOptions = {
  /** Directory name under the OPFS root; the engine gives "<torrent name> - <infohash[0..8]>". */
  name?: string
  /** Total length in bytes (sizes the last chunk). */
  length?: number
  /** The engine's torrent: a write that fails behind the engine stops it, as a failed put does. */
  torrent?: { destroyed?: boolean; _destroy?: (error: Error) => void }
  /**
   * Whether `put` answers before its write is on disk (see BACKLOG_BYTES). Left unset, the store
   * decides from the disk's speed: writes go behind the engine only once they prove slow.
   */
  writeBehind?: boolean
}

type Callback<T = void> = (error: Error | null, value?: T) => void

/**
 * Bytes of the most recently written pieces kept in memory. A player (or a save) reads right
 * behind the download; served from here, such a read does not wait for the disk, whose queue is
 * busy with the download's own writes (each read costs several OPFS round trips otherwise).
 */
const RECENT_BYTES = 16 * 1024 * 1024

/**
 * Bytes of pieces reported stored while their write is still queued, at most. A piece is
 * reported (so the engine verifies it, announces it and lets the player read it) as soon as it is
 * held here, and read from here until it is on disk: a seek never waits behind the disk's queue
 * (Firefox's OPFS takes ~100 ms a piece, a createSyncAccessHandle and a close each an IPC that
 * syncs). Past this, a put waits for room, as every put waited for its own write before.
 */
const BACKLOG_BYTES = 16 * 1024 * 1024

/**
 * A disk whose piece writes take longer than this (median of the last WRITE_SAMPLES) is slow:
 * writes then go behind the engine. Firefox's OPFS takes 50-100 ms a piece; Chromium's 2-10 ms,
 * where a put that waits for its own write downloads faster (measured: plain throughput vs plain
 * WebTorrent 0.68-0.88 with every write behind, 0.85-1.08 without, three pairs back to back).
 */
const SLOW_WRITE_MS = 40
const WRITE_SAMPLES = 8

/** Piece writes handed to the worker at once: their OPFS round trips overlap (as when every put went straight to the worker). */
const WRITES_AT_ONCE = 16

/**
 * An abstract-chunk-store over the Origin Private File System: one file per piece in a
 * directory per torrent (the same layout as WebTorrent's fsa-chunk-store, so data stays
 * compatible). It lists the directory once when opened, so asking for a piece that was never
 * stored answers at once instead of touching the disk: a new torrent is ready immediately and a
 * resumed one only reads the pieces it really has.
 *
 * On a slow disk (or when asked) writes are behind the engine: `put` answers once the piece is
 * held in a bounded backlog (see BACKLOG_BYTES); on a fast one it answers once its own write is
 * done. Either way the piece that completes the torrent answers once every piece is on disk, and
 * a write that fails (a full quota) fails that answer, or the next `put`, as before.
 */
export class OpfsChunkStore {
  readonly chunkLength: number
  private readonly length: number
  private readonly lastChunkLength: number
  private readonly lastChunkIndex: number
  private readonly directory: Promise<FileSystemDirectoryHandle>
  private readonly present: Promise<Set<number>>
  private readonly name: string
  private closed = false
  /** Pieces written last, oldest first (a Map keeps insertion order), at most `RECENT_BYTES`. */
  private readonly recent = new Map<number, Uint8Array>()
  private recentBytes = 0
  /** Pieces reported stored whose write is queued or running, by index. */
  private readonly unwritten = new Map<number, Uint8Array>()
  private backlogBytes = 0
  /** Writes not yet started, oldest first (at most `WRITES_AT_ONCE` run at once). */
  private readonly queue: { index: number; chunk: Uint8Array }[] = []
  private running = 0
  /** Called when a write ends: puts waiting for room, or for everything to be on disk. */
  private waiters: (() => void)[] = []
  /** The first write that failed: every later put fails with it (the engine then stops the torrent). */
  private failure: Error | undefined
  private readonly torrent: OpfsChunkStoreOptions['torrent']
  private readonly writeBehind: boolean | undefined
  /** How long the last piece writes took, in ms, newest last (at most WRITE_SAMPLES). */
  private readonly writeMs: number[] = []

  constructor(chunkLength: number, options: OpfsChunkStoreOptions = {}) {
    this.chunkLength = Number(chunkLength)
    if (!this.chunkLength) throw new Error('OpfsChunkStore needs a chunk length.')
    this.name = options.name ?? crypto.randomUUID()
    this.torrent = options.torrent
    this.writeBehind = options.writeBehind
    this.length = Number(options.length) || Infinity
    this.lastChunkLength = this.length % this.chunkLength || this.chunkLength
    this.lastChunkIndex = Math.ceil(this.length / this.chunkLength) - 1
    this.directory = navigator.storage
      .getDirectory()
      .then((root) => root.getDirectoryHandle(this.name, { create: true }))
    this.present = this.directory.then(async (directory) => {
      const indexes = new Set<number>()
      for await (const key of (directory as unknown as { keys(): AsyncIterable<string> }).keys()) {
        if (/^\d+$/.test(key)) indexes.add(Number(key))
      }
      return indexes
    })
    // Nothing awaits these until the first call; keep a failure from going unhandled meanwhile.
    this.present.catch(() => {})
  }

  put(index: number, chunk: Uint8Array, cb: Callback = () => {}): void {
    this.write(index, chunk).then(
      () => cb(null),
      (error: Error) => cb(error),
    )
  }

  get(
    index: number,
    options: { offset?: number; length?: number } | Callback<Uint8Array> | null,
    cb?: Callback<Uint8Array>,
  ): void {
    if (typeof options === 'function') return this.get(index, null, options)
    this.read(index, options ?? {}).then(
      (bytes) => cb?.(null, bytes),
      (error: Error) => cb?.(error),
    )
  }

  close(cb: Callback = () => {}): void {
    this.closed = true
    this.forgetRecent()
    queueMicrotask(() => cb(null))
  }

  destroy(cb: Callback = () => {}): void {
    this.closed = true
    // Writes not started are dropped: a removed torrent must not come back on disk.
    this.dropQueue()
    this.forgetRecent()
    // After the writes already running: one ending later would bring the folder back.
    this.writesEnded()
      .then(() => navigator.storage.getDirectory())
      .then((root) => root.removeEntry(this.name, { recursive: true }))
      .then(
        () => cb(null),
        (error: Error) => cb(error.name === 'NotFoundError' ? null : error),
      )
  }

  private async write(index: number, chunk: Uint8Array): Promise<void> {
    if (this.closed) throw new Error('Storage is closed')
    const expected = index === this.lastChunkIndex ? this.lastChunkLength : this.chunkLength
    if (chunk.length !== expected) throw new Error(`Chunk ${index} must be ${expected} bytes, not ${chunk.length}`)
    const present = await this.present
    await this.until(() => this.backlogBytes === 0 || this.backlogBytes + chunk.length <= BACKLOG_BYTES)
    const known = this.unwritten.get(index)
    if (known) this.backlogBytes -= known.length
    this.unwritten.set(index, chunk)
    this.backlogBytes += chunk.length
    this.queue.push({ index, chunk })
    this.pump(present)
    // The piece that completes the torrent answers only once all of it is on disk: "done" means
    // stored, and a last write refused (a full quota) still reaches the engine through a put.
    if (this.completes(present)) await this.until(() => this.backlogBytes === 0)
    else if (!this.behind()) await this.until(() => this.unwritten.get(index) !== chunk)
  }

  /** Whether puts answer before their write is on disk: when asked to, or once the disk proved slow. */
  private behind(): boolean {
    if (this.writeBehind !== undefined) return this.writeBehind
    if (this.writeMs.length < WRITE_SAMPLES / 2) return false
    const sorted = [...this.writeMs].sort((a, b) => a - b)
    return sorted[Math.floor(sorted.length / 2)]! > SLOW_WRITE_MS
  }

  /** Whether every piece is now stored or queued (a `length` is needed to know). */
  private completes(present: Set<number>): boolean {
    if (!Number.isFinite(this.length)) return false
    let held = present.size
    for (const index of this.unwritten.keys()) if (!present.has(index)) held++
    return held >= this.lastChunkIndex + 1
  }

  /** Waits until `ready()` holds after a write ended; throws the first write failure meanwhile. */
  private async until(ready: () => boolean): Promise<void> {
    for (;;) {
      if (this.failure) throw this.failure
      if (this.closed) throw new Error('Storage is closed')
      if (ready()) return
      await new Promise<void>((resolve) => this.waiters.push(resolve))
    }
  }

  /** Starts queued writes, oldest first, up to `WRITES_AT_ONCE`. */
  private pump(present: Set<number>): void {
    while (this.running < WRITES_AT_ONCE && this.queue.length > 0) {
      const { index, chunk } = this.queue.shift()!
      this.running++
      const started = performance.now()
      this.writeNow(index, chunk, present)
        .then(
          () => {
            this.writeMs.push(performance.now() - started)
            if (this.writeMs.length > WRITE_SAMPLES) this.writeMs.shift()
            present.add(index)
            this.remember(index, chunk)
          },
          (error: Error) => {
            if (this.failure) return
            this.failure = error
            // The engine stops a torrent on a failed put (its own _destroy, whose error reaches the
            // torrent's 'error' listeners: the page's sentence). A put already answered cannot
            // carry it, and a seed's loader ignores errors of puts it did not wait for: stop it here.
            if (this.torrent && !this.torrent.destroyed) this.torrent._destroy?.(error)
          },
        )
        .finally(() => {
          this.running--
          if (this.unwritten.get(index) === chunk) {
            this.unwritten.delete(index)
            this.backlogBytes -= chunk.length
          }
          // A failure stops the queue: the engine stops the torrent, and nothing else is written.
          if (this.failure) this.dropQueue()
          else this.pump(present)
          const waiters = this.waiters
          this.waiters = []
          for (const wake of waiters) wake()
        })
    }
  }

  private async writesEnded(): Promise<void> {
    while (this.running > 0) await new Promise<void>((resolve) => this.waiters.push(resolve))
  }

  private dropQueue(): void {
    for (const { index, chunk } of this.queue.splice(0)) {
      if (this.unwritten.get(index) !== chunk) continue
      this.unwritten.delete(index)
      this.backlogBytes -= chunk.length
    }
  }

  private async writeNow(index: number, chunk: Uint8Array, present: Set<number>): Promise<void> {
    try {
      await writePieceInWorker({ folder: this.name, index, bytes: chunk })
    } catch (error) {
      // A full quota is the answer. Anything else (no worker here, another tab holding the same
      // piece's file) gets the page's own write, whose error, if any, is the one that counts.
      if (isQuotaError(error)) throw error
      await this.writeOnPage(index, chunk, present)
    }
  }

  /** The write without a worker: through a writable stream onto a swap file, replaced on close. */
  private async writeOnPage(index: number, chunk: Uint8Array, present: Set<number>): Promise<void> {
    const directory = await this.directory
    const name = String(index)
    const file = await directory.getFileHandle(name, { create: true })
    let writable: FileSystemWritableFileStream | undefined
    try {
      writable = await file.createWritable({ keepExistingData: false })
      await writable.write(chunk as Uint8Array<ArrayBuffer>)
      await writable.close()
    } catch (error) {
      // The write goes to a swap file that replaces the piece's file only on close, so a refused
      // write (a full quota) leaves the file as it was: empty when getFileHandle just created it.
      // An empty file left under a piece's name would pass for a stored piece when the torrent
      // resumes (Try again, a reload), and that piece would never be fetched again.
      await writable?.abort().catch(() => {})
      if (!present.has(index)) await removeEmptyPiece(directory, file)
      throw error
    }
  }

  private remember(index: number, chunk: Uint8Array): void {
    if (this.closed) return
    const known = this.recent.get(index)
    if (known) this.recentBytes -= known.length
    this.recent.delete(index)
    this.recent.set(index, chunk)
    this.recentBytes += chunk.length
    for (const [oldest, bytes] of this.recent) {
      if (this.recentBytes <= RECENT_BYTES || oldest === index) break
      this.recent.delete(oldest)
      this.recentBytes -= bytes.length
    }
  }

  private forgetRecent(): void {
    this.recent.clear()
    this.recentBytes = 0
    // Puts waiting for room or for the disk learn that the storage is closed. Queued writes go
    // on (their pieces were reported stored) unless the store is destroyed.
    const waiters = this.waiters
    this.waiters = []
    for (const wake of waiters) wake()
  }

  private async read(index: number, { offset = 0, length }: { offset?: number; length?: number }): Promise<Uint8Array> {
    if (this.closed) throw new Error('Storage is closed')
    if (!this.unwritten.has(index) && !(await this.present).has(index)) throw new Error(`Chunk ${index} is not stored`)
    const chunkLength = index === this.lastChunkIndex ? this.lastChunkLength : this.chunkLength
    const end = length === undefined ? chunkLength : offset + length
    if (offset < 0 || end > chunkLength) throw new Error('Invalid offset and/or length')
    // A view, as the engine's own cache gives: nothing in the engine writes into a stored piece.
    const held = this.unwritten.get(index) ?? this.recent.get(index)
    if (held) return held.subarray(offset, end)
    const file = await (await (await this.directory).getFileHandle(String(index))).getFile()
    const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer())
    if (bytes.length !== end - offset) throw new Error(`Chunk ${index} is truncated`)
    return bytes
  }
}

/** Removes a piece file that a refused write left empty (it must not outlive the error). */
async function removeEmptyPiece(directory: FileSystemDirectoryHandle, file: FileSystemFileHandle): Promise<void> {
  try {
    // Another tab with the same torrent may have stored this piece meanwhile: keep it then.
    if ((await file.getFile()).size === 0) await directory.removeEntry(file.name)
  } catch (error) {
    // Gone already (the torrent was removed meanwhile) is fine; anything else reaches the log,
    // and the next listing still skips the empty file (see storedBitfield).
    if ((error as DOMException)?.name !== 'NotFoundError') {
      console.warn(`[keyswarm] could not remove the empty piece file ${file.name}`, error)
    }
  }
}
