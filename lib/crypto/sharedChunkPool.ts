import { type ChunkPool, createChunkPool } from './createChunkPool'
import { startChunkWorker } from './startChunkWorker'

/** More workers than this add little: the main thread's reads, copies and writes become the limit. */
const MAX_WORKERS = 4

let pool: ChunkPool | undefined

/**
 * The tab's pool of AES-GCM workers, one per core up to four, started on first use; `undefined`
 * where dedicated workers do not exist (Node, a service worker), on a single core (a worker would
 * only add copies), or once workers turned out to be forbidden. Callers then encrypt in place.
 */
export function sharedChunkPool(): ChunkPool | undefined {
  if (typeof Worker !== 'function' || typeof URL.createObjectURL !== 'function') return undefined
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1
  if (cores < 2) return undefined
  pool ??= createChunkPool(startChunkWorker, { size: Math.min(cores, MAX_WORKERS) })
  return pool.unavailable ? undefined : pool
}
