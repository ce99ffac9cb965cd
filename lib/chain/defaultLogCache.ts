import { type LogCache, createLogCache } from './createLogCache'
import { idbLogStorage } from './idbLogStorage'

let cache: LogCache | undefined

/**
 * The log cache readers use when given none: one per page backed by IndexedDB in the tab, one in
 * memory per process in Node (the agent daemon, tests), where IndexedDB does not exist.
 */
export function defaultLogCache(): LogCache {
  cache ??= createLogCache({ storage: typeof indexedDB === 'undefined' ? undefined : idbLogStorage() })
  return cache
}
