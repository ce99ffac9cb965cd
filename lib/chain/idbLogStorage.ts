import { type UseStore, createStore, get, set } from 'idb-keyval'
import type { LogCacheStorage } from './createLogCache'

let store: UseStore | undefined

/**
 * The log cache's storage in the tab: its own IndexedDB database, so it never conflicts with
 * the library's or the paywall's stores. Logs are structured-cloned (bigints included).
 */
export function idbLogStorage(): LogCacheStorage {
  store ??= createStore('keyswarm-logs', 'ranges')
  const own = store
  return { get: (key) => get(key, own), set: (key, value) => set(key, value, own) }
}
