import { type UseStore, createStore, del, entries, get, set, update } from 'idb-keyval'
import type { KeystoreStorage } from './Keystore'

/** Parameters of {@link idbStorage}. */
export type IdbStorageParameters = { database: string; store: string }

/**
 * A {@link KeystoreStorage} on one IndexedDB object store (idb-keyval), opened on first use so
 * that importing it during static prerender touches nothing.
 */
export function idbStorage({ database, store: name }: IdbStorageParameters): KeystoreStorage {
  let store: UseStore | undefined
  const open = () => (store ??= createStore(database, name))
  return {
    get: (key) => get(key, open()),
    set: (key, value) => set(key, value, open()),
    delete: (key) => del(key, open()),
    entries: async <T>(prefix: string) =>
      (await entries<string, T>(open())).filter(([key]) => typeof key === 'string' && key.startsWith(prefix)),
    update: (key, fn) => update(key, fn, open()),
  }
}
