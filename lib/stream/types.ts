import type { ByteRange } from './parseRange'

/** Bytes the page can serve to the service worker: a torrent file, plain or decrypted. */
export type StreamSource = {
  /** Size in bytes of what is served (the plaintext size for an encrypted file). */
  size: number
  mime: string
  name: string
  /**
   * Bytes `start`..`end` (inclusive) in order; `return()` stops reading (the viewer seeked away).
   * `resumed`: the rest of a read that gave way to a newer one, which keeps its requests in flight.
   */
  read(range: ByteRange & { resumed?: boolean }): AsyncIterator<Uint8Array>
}

/** Where the responder finds sources. */
export type StreamSources = {
  /** Whether this page can answer for `id` at all (answered at once, before any waiting). */
  has(id: string): boolean | Promise<boolean>
  /** The source for a file; may wait for metadata. Rejects with a reason a person can read. */
  open(id: string, file: number): Promise<StreamSource>
}
