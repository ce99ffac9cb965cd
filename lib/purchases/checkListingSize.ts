import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { getTrackers } from '@/lib/config'
import { addTorrent } from '@/lib/torrent/addTorrent'
import { getClient } from '@/lib/torrent/getClient'
import { ListingSizeMismatchError } from './errors'

/** Parameters of {@link checkListingSize}. */
export type CheckListingSizeParameters = {
  listing: {
    infoHash: string
    size: bigint
    sources?: { trackers: readonly string[]; webSeeds: readonly string[] }
  }
  signal?: AbortSignal
}

/**
 * Before paying: checks that the listing's `size` is its torrent's ciphertext size. Seeders are
 * paid `pool × bytes ÷ size`, so a creator who listed a larger size would pay every seeder less.
 * Uses the torrent this tab opened for the listing's cover (opening it if not), and waits for its
 * file list from the swarm.
 * @throws ListingSizeMismatchError when the sizes differ; the abort reason when `signal` aborts first.
 */
export async function checkListingSize({ listing, signal }: CheckListingSizeParameters): Promise<void> {
  const client = await getClient()
  const torrent =
    client.torrents.find((t) => t.infoHash === listing.infoHash && !t.destroyed) ??
    (await addTorrent(client, {
      torrentId: listing.infoHash,
      announce: [...new Set([...(listing.sources?.trackers ?? []), ...getTrackers()])],
      webSeeds: listing.sources?.webSeeds,
    }))
  await metadataOf(torrent, signal)
  if (BigInt(torrent.length) !== listing.size) throw new ListingSizeMismatchError(listing.size, torrent.length)
}

function metadataOf(torrent: Torrent, signal?: AbortSignal): Promise<void> {
  if (torrent.metadata) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const done = () => {
      signal?.removeEventListener('abort', aborted)
      resolve()
    }
    const aborted = () => {
      torrent.removeListener('metadata', done)
      reject(signal!.reason)
    }
    signal?.addEventListener('abort', aborted, { once: true })
    torrent.once('metadata', done)
  })
}
