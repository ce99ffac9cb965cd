import type { KeystoreStorage } from './Keystore'

/**
 * A {@link KeystoreStorage} in a Map: for tests and for Node, where there is no IndexedDB.
 * Values are structured-cloned, as IndexedDB would, so a caller never shares an object with it.
 */
export function memoryStorage(
  initial: Iterable<[string, unknown]> = [],
): KeystoreStorage & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>(initial)
  return {
    map,
    get: async <T>(key: string) => structuredClone(map.get(key)) as T | undefined,
    set: async (key, value) => void map.set(key, structuredClone(value)),
    delete: async (key) => void map.delete(key),
    entries: async <T>(prefix: string) =>
      [...map].filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key, structuredClone(value) as T]),
    update: async <T>(key: string, fn: (old: T | undefined) => T) =>
      void map.set(key, structuredClone(fn(structuredClone(map.get(key)) as T | undefined))),
  }
}
