import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { getTrackers } from '@/lib/config'
import { addSwarmRelays } from '@/lib/discovery/addSwarmRelays'
import { addTorrent } from '@/lib/torrent/addTorrent'
import { webSocketUrls } from '@/lib/torrent/webSocketUrls'
import { getClient } from '@/lib/torrent/getClient'
import { ListingSizeMismatchError } from './errors'

/** Parameters of {@link checkListingSize}. */
export type CheckListingSizeParameters = {
  listing: {
    infoHash: string
    size: bigint
    sources?: { trackers: readonly string[]; relays?: readonly string[]; webSeeds: readonly string[] }
  }
  signal?: AbortSignal
  /**
   * How long to wait for the torrent's file list when no peer has sent it yet (default 8 s). With
   * nobody seeding there is nothing to check against, and a buyer may still buy and wait for the
   * creator: the purchase goes on unchecked rather than hanging.
   */
  metadataTimeout?: number
}

/**
 * Before paying: checks that the listing's `size` is its torrent's ciphertext size. Seeders are
 * paid `pool × bytes ÷ size`, so a creator who listed a larger size would pay every seeder less.
 * Uses the torrent this tab opened for the listing's cover (opening it if not), and waits for its
 * file list from the swarm — for `metadataTimeout` at most: with no seeder online it answers
 * `'unchecked'` and the purchase goes on.
 * @throws ListingSizeMismatchError when the sizes differ; the abort reason when `signal` aborts first.
 */
export async function checkListingSize({
  listing,
  signal,
  metadataTimeout = 8000,
}: CheckListingSizeParameters): Promise<'checked' | 'unchecked'> {
  const client = await getClient()
  addSwarmRelays(listing.infoHash, webSocketUrls(listing.sources?.relays ?? []))
  const torrent =
    client.torrents.find((t) => t.infoHash === listing.infoHash && !t.destroyed) ??
    (await addTorrent(client, {
      torrentId: listing.infoHash,
      announce: [...new Set([...(listing.sources?.trackers ?? []), ...getTrackers()])],
      webSeeds: listing.sources?.webSeeds,
    }))
  if (!(await metadataOf(torrent, { signal, timeout: metadataTimeout }))) return 'unchecked'
  if (BigInt(torrent.length) !== listing.size) throw new ListingSizeMismatchError(listing.size, torrent.length)
  return 'checked'
}

/** Whether the torrent's metadata is here, waiting up to `timeout` ms for it. */
function metadataOf(torrent: Torrent, { signal, timeout }: { signal?: AbortSignal; timeout: number }): Promise<boolean> {
  if (torrent.metadata) return Promise.resolve(true)
  return new Promise((resolve, reject) => {
    const cleanUp = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', aborted)
      torrent.removeListener('metadata', onMetadata)
    }
    const finish = (arrived: boolean) => {
      cleanUp()
      resolve(arrived)
    }
    const onMetadata = () => finish(true)
    const aborted = () => {
      cleanUp()
      reject(signal!.reason)
    }
    const timer = setTimeout(() => finish(false), timeout)
    signal?.addEventListener('abort', aborted, { once: true })
    torrent.once('metadata', onMetadata)
  })
}
