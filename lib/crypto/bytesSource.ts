import type { ByteSource } from './types'

/** A {@link ByteSource} over bytes already in memory (a small file, a test). Reads are views, not copies. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) }
}
