import { type UseStore, createStore } from 'idb-keyval'

let store: UseStore | undefined

/** The IndexedDB store of the library (its own database, so it never conflicts with other stores). */
export function libraryStore(): UseStore {
  store ??= createStore('keyswarm-library', 'torrents')
  return store
}
