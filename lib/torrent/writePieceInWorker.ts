import { PieceWorkerUnavailableError } from './errors'

/**
 * The worker's code, as plain text (see lib/crypto/startChunkWorker.ts for why not a module).
 * One message writes one piece: into `<index>.part` through a synchronous access handle (one
 * write, no swap file), flushed, then renamed to `<index>`. A piece's file therefore exists only
 * once all of it is on disk: a refused write (a full quota) or a tab closed mid-write leaves no
 * file under a piece's name that a resumed torrent would trust. Errors come back by name.
 */
const source = /* js */ `
'use strict'
var root = navigator.storage.getDirectory()
self.onmessage = async function (event) {
  var job = event.data
  var directory, part, handle
  try {
    directory = await (await root).getDirectoryHandle(job.folder, { create: true })
    part = await directory.getFileHandle(job.index + '.part', { create: true })
    handle = await part.createSyncAccessHandle()
    handle.truncate(0)
    var written = handle.write(job.bytes, { at: 0 })
    if (written !== job.bytes.byteLength) throw new DOMException('The quota does not leave room for this piece.', 'QuotaExceededError')
    handle.flush()
    handle.close()
    handle = undefined
    await part.move(String(job.index))
    self.postMessage({ id: job.id })
  } catch (error) {
    try { if (handle) handle.close() } catch (ignored) {}
    if (part && directory) await directory.removeEntry(job.index + '.part').catch(function () {})
    self.postMessage({ id: job.id, error: { name: (error && error.name) || 'Error', message: (error && error.message) || String(error) } })
  }
}
`

type Pending = { resolve: () => void; reject: (error: Error) => void }

let worker: Worker | undefined
let unavailable = false
let nextId = 0
const pending = new Map<number, Pending>()

/** Parameters of {@link writePieceInWorker}. */
export type WritePieceInWorkerParameters = {
  /** The torrent's folder under the OPFS root. */
  folder: string
  index: number
  /** Copied to the worker: the caller keeps it (the engine and the store's cache read it). */
  bytes: Uint8Array
}

/**
 * Writes one piece into OPFS from a dedicated worker shared by the tab's torrents. On the page,
 * a piece's write took several OPFS round trips (handle, writable, write, close onto a swap file)
 * whose every step waited for the main thread; with a busy or slow main thread that delayed each
 * piece's verification, and so the player. Resolves once the piece is on disk under its name.
 *
 * @throws PieceWorkerUnavailableError when no worker can do it (the caller writes on the page);
 * otherwise the worker's error (a `DOMException` of the same name: `QuotaExceededError`...).
 */
export function writePieceInWorker({ folder, index, bytes }: WritePieceInWorkerParameters): Promise<void> {
  // Sync access handles exist in workers only: the worker finds out, and a failure falls back.
  if (unavailable || typeof Worker !== 'function') return Promise.reject(new PieceWorkerUnavailableError())
  try {
    worker ??= start()
  } catch (error) {
    unavailable = true
    return Promise.reject(new PieceWorkerUnavailableError({ cause: error }))
  }
  const id = nextId++
  return new Promise<void>((resolve, reject) => {
    pending.set(id, { resolve, reject })
    worker!.postMessage({ id, folder, index, bytes })
  })
}

function start(): Worker {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
  const started = new Worker(url, { name: 'keyswarm-opfs-pieces' })
  started.onmessage = (event: MessageEvent<{ id: number; error?: { name: string; message: string } }>) => {
    const job = pending.get(event.data.id)
    pending.delete(event.data.id)
    const { error } = event.data
    if (error) job?.reject(new DOMException(error.message, error.name))
    else job?.resolve()
  }
  // A worker that cannot start (a policy, a crash): every write waiting falls back to the page.
  started.onerror = (event) => {
    event.preventDefault()
    unavailable = true
    worker = undefined
    started.terminate()
    for (const job of pending.values()) job.reject(new PieceWorkerUnavailableError({ cause: event.message }))
    pending.clear()
  }
  return started
}
