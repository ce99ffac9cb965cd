/**
 * How many chunks to read and run through AES-GCM as one batch: about 512 KiB of them. Few enough
 * reads and writes, and buffers small enough that the allocator reuses them instead of mapping
 * fresh memory for each (measured: 1 MiB buffers cost more).
 */
export function batchChunks(chunkSize: number): number {
  return Math.max(1, Math.floor(524_288 / chunkSize))
}
