import type { StreamSources } from './types'

/** Parameters of {@link readWholeFile}. */
export type ReadWholeFileParameters = {
  /** Torrent infohash. */
  id: string
  /** File index inside the torrent. */
  file: number
  /** Called with the bytes read so far, at most about four times a second. */
  onProgress?: (read: number, size: number) => void
  /** Stops the read (the person left the page); the promise then rejects with the signal's reason. */
  signal?: AbortSignal
}

/**
 * Reads one file of a torrent open in this tab, whole and in order (decrypted when the tab holds
 * its key), into a Blob of its type: the fallback of a browser that will not run the streaming
 * service worker, which then plays the file once it has all of it. Holds the file in memory.
 */
export async function readWholeFile(
  sources: StreamSources,
  { id, file, onProgress, signal }: ReadWholeFileParameters,
): Promise<Blob> {
  const source = await sources.open(id, file)
  const parts: Uint8Array[] = []
  let read = 0
  let reported = Number.NEGATIVE_INFINITY
  const iterator = source.read({ start: 0, end: source.size - 1 })
  try {
    for (;;) {
      signal?.throwIfAborted()
      const { done, value } = await iterator.next()
      if (done) break
      parts.push(value)
      read += value.length
      if (performance.now() - reported > 250) {
        reported = performance.now()
        onProgress?.(read, source.size)
      }
    }
  } finally {
    if (read < source.size) await iterator.return?.()
  }
  onProgress?.(read, source.size)
  return new Blob(parts as BlobPart[], { type: source.mime })
}
