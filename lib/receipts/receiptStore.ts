import { type UseStore, createStore } from 'idb-keyval'

let store: UseStore | undefined

/** The IndexedDB store of the seeding receipts this device holds (its own database). */
export function receiptStore(): UseStore {
  store ??= createStore('keyswarm-receipts', 'receipts')
  return store
}
