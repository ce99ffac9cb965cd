import type { Hex, Log } from 'viem'

/** What the cache keeps for one query (chain, contract, event, filter): the final block ranges scanned and their logs. */
export type CachedLogs = {
  /** The newest final block scanned and its hash: a chain that no longer has it (reset, deep reorg) drops the entry. */
  anchor: { number: bigint; hash: Hex }
  /** Scanned block ranges, inclusive, sorted, never overlapping nor touching. */
  ranges: [bigint, bigint][]
  /** Every log of those ranges, in chain order. */
  logs: Log[]
}

/** Where the cache keeps its entries between visits: IndexedDB in the tab, nothing (memory only) in Node. */
export type LogCacheStorage = {
  get(key: string): Promise<CachedLogs | undefined>
  set(key: string, value: CachedLogs): Promise<void>
}

/** A cache of scanned log ranges, held in memory and written through to its storage. */
export type LogCache = {
  load(key: string): Promise<CachedLogs | undefined>
  /** Keeps `value` in memory at once; writes it to storage when `persist` (writes of big entries are not free). */
  save(key: string, value: CachedLogs, options?: { persist?: boolean }): Promise<void>
  drop(key: string): Promise<void>
  /** Whether this session already checked the entry's anchor against the chain. */
  verified: Set<string>
  /** The anchor block of what storage holds per key, as far as this session knows. */
  persisted: Map<string, bigint>
}

/** Parameters of {@link createLogCache}. */
export type CreateLogCacheParameters = {
  /** Where entries outlive the page or process; in memory only when absent. */
  storage?: LogCacheStorage
}

/**
 * A log cache for {@link scanLogs}: entries live in memory for this page or process and, with a
 * storage, across visits. The reader decides what is final; the cache only keeps it.
 * @example
 * const cache = createLogCache({ storage: idbLogStorage() })
 */
export function createLogCache({ storage }: CreateLogCacheParameters = {}): LogCache {
  const memory = new Map<string, CachedLogs | undefined>()
  return {
    verified: new Set(),
    persisted: new Map(),
    async load(key) {
      if (!memory.has(key)) {
        // A storage that cannot be read (private mode, quota) costs a rescan, never the read itself.
        const stored = await storage?.get(key).catch((error: unknown) => {
          console.warn('[keyswarm] the log cache could not be read', error)
          return undefined
        })
        if (!memory.has(key)) memory.set(key, stored)
        if (stored && stored.ranges.length > 0) this.persisted.set(key, stored.anchor.number)
      }
      return memory.get(key)
    },
    async save(key, value, { persist = true } = {}) {
      memory.set(key, value)
      if (!persist) return
      this.persisted.set(key, value.anchor.number)
      await storage?.set(key, value).catch((error: unknown) => {
        console.warn('[keyswarm] the log cache could not be written', error)
      })
    },
    async drop(key) {
      memory.set(key, undefined)
      this.verified.delete(key)
      this.persisted.delete(key)
      await storage?.set(key, { anchor: { number: -1n, hash: '0x' }, ranges: [], logs: [] }).catch(() => undefined)
    },
  }
}
