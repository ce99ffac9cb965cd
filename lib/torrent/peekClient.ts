import { type TorrentClient, clientSlot } from './clientSlot'

/** The tab's client if something already created it; never creates one. */
export function peekClient(): Promise<TorrentClient> | undefined {
  return clientSlot.promise
}
