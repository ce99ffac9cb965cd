import { type UseStore, createStore } from 'idb-keyval'

let store: UseStore | undefined

/** The IndexedDB store of the publish flow's own bookkeeping (salts a device has taken). */
export function publishStore(): UseStore {
  store ??= createStore('keyswarm-publish', 'state')
  return store
}
