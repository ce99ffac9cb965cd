/**
 * How many chunks to read and run through AES-GCM at once: about 1 MiB of them. Large enough to
 * keep WebCrypto's threads busy and few reads, small enough to keep memory to a few MiB.
 */
export function batchChunks(chunkSize: number): number {
  return Math.max(1, Math.floor(1_048_576 / chunkSize))
}
