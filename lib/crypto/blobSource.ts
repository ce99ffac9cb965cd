import type { ByteSource } from './types'

/**
 * A {@link ByteSource} over a Blob: a File the user dropped, `await handle.getFile()` of an OPFS
 * file, or Node's `fs.openAsBlob(path)`. Reads only the slices asked for.
 * A File from OPFS is a snapshot: take a new one after the file has been written again.
 * @example
 * const file = await openEncryptedFile(blobSource(await opfsHandle.getFile()), { key })
 */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  }
}
