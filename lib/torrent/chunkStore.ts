import { OpfsChunkStore } from './OpfsChunkStore'

/**
 * The chunk store every torrent of the tab uses: OPFS where the browser has it (persistent,
 * resumable), else the engine's default (memory).
 */
export function chunkStore(): typeof OpfsChunkStore | undefined {
  return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function' ? OpfsChunkStore : undefined
}
