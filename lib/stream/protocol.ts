/**
 * Messages between the service worker and the page that owns a torrent.
 * The worker posts a `RangeRequest` with a MessagePort; everything else travels on that port.
 */
export type RangeRequest = {
  type: 'keyswarm:range'
  /** Infohash (or another id the page's sources understand). */
  id: string
  /** File index inside the torrent. */
  file: number
  /** The request's `Range` header, if any. */
  range: string | null
  /**
   * Bytes the worker grants with the request, so the first chunk follows the head without a
   * `pull` round trip (a seek's first bytes wait for no message). A page of an earlier version
   * ignores it and waits for a `pull`; the `head` says which it did (`credited`).
   */
  credit?: number
}

/** Page -> worker, on the port. */
export type PageMessage =
  /** The page has this id and will answer (it may take time to get metadata). */
  | { type: 'accept' }
  | {
      type: 'head'
      status: 200 | 206
      size: number
      start: number
      end: number
      mime: string
      name: string
      /** The page took the request's `credit` (an earlier page leaves it out and waits for a `pull`). */
      credited?: boolean
    }
  | { type: 'unsatisfiable'; size: number }
  | { type: 'chunk'; data: Uint8Array }
  | { type: 'end' }
  | { type: 'error'; status: number; message: string }

/**
 * Worker -> page, on the port. `pull` grants credit for `bytes` more bytes: the page sends chunks
 * as soon as it has them while it has credit (the last one may go past it), so many are in flight
 * and no round trip is paid per chunk.
 */
export type WorkerMessage = { type: 'pull'; bytes: number; count: number } | { type: 'cancel' }

/**
 * `count` is the same credit in chunks of `LEGACY_CHUNK_BYTES`: a page or a worker of an earlier
 * version (credit counted in chunks) may meet this one while the site updates, and both keep
 * streaming. Each side reads the unit it knows and ignores the other.
 */
export const LEGACY_CHUNK_BYTES = 64 * 1024

/** Page -> worker, on the controller: take control of pages opened before the worker activated. */
export type ClaimMessage = { type: 'keyswarm:claim' }

/** URL prefix the worker answers, below the site's base path (the worker's own folder). */
export const STREAM_PREFIX = '/stream/'
