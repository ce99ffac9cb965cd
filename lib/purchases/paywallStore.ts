import { type UseStore, createStore } from 'idb-keyval'

let store: UseStore | undefined

/**
 * The IndexedDB store of the paywall's secrets on this device: cached account secrets, the
 * creator's listing keys, the agent key, the buyer's purchases. Its own database, never synced.
 */
export function paywallStore(): UseStore {
  store ??= createStore('keyswarm-paywall', 'secrets')
  return store
}
