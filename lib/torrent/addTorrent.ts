import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { chunkStore } from './chunkStore'
import type { TorrentClient } from './clientSlot'
import { NotATorrentFileError, StorageFullError, TorrentFailedError } from './errors'
import { isQuotaError } from './isQuotaError'
import { isTorrentFile } from './isTorrentFile'
import { parseTorrentId } from './parseTorrentId'

export type { Torrent } from 'webtorrent/dist/webtorrent.min.js'

/** Parameters of `addTorrent`. */
export type AddTorrentParameters = {
  /** A magnet link, infohash or share link (text), or the bytes of a .torrent file. */
  torrentId: string | Uint8Array
  /** Name of the .torrent file the bytes came from, for messages. */
  fileName?: string
  /** WebSocket trackers to announce to, on top of the torrent's own. */
  announce?: readonly string[]
  /**
   * HTTP web seeds (BEP 19) to fetch from, on top of the torrent's own and the link's `ws=`. A URL
   * whose path ends in `.torrent` is the torrent's metadata source instead (a magnet's `xs=`), so a
   * torrent whose only source is HTTP opens without any peer.
   */
  webSeeds?: readonly string[]
  /** The infohash of .torrent bytes when already known, so concurrent adds of it share one. */
  infoHash?: string
  /** Pieces stored by an earlier session (from the library): only a few are re-hashed. */
  bitfield?: Uint8Array
}

/** Adds under way by infohash: the library resuming and a page opening the same torrent share one. */
const pending = new Map<string, Promise<Torrent>>()

/** How long without a peer before the engine says `noPeers` (the status UI explains it). */
const NO_PEERS_INTERVAL_SECONDS = 8

/**
 * Adds a torrent to the tab's client, or finds it if it is already there.
 * Resolves once the infohash is known (metadata may still be on its way); rejects with a
 * clear error for input that is not a torrent. Data lives in the Origin Private File System,
 * so adding a torrent that was downloaded (or seeded) before resumes from what is stored.
 *
 * @throws InvalidTorrentIdError, NotATorrentFileError, StorageFullError, TorrentFailedError
 * @example
 * const torrent = await addTorrent(client, { torrentId: magnet, announce: getTrackers() })
 */
export async function addTorrent(client: TorrentClient, params: AddTorrentParameters): Promise<Torrent> {
  const { torrentId, fileName = 'file', announce = [], bitfield } = params
  const metadataUrls = (params.webSeeds ?? []).filter(isTorrentUrl)
  let webSeeds = (params.webSeeds ?? []).filter((url) => !isTorrentUrl(url))
  let id: string | Uint8Array
  let infoHash = params.infoHash
  if (typeof torrentId === 'string') {
    const parsed = parseTorrentId(torrentId)
    id = withMetadataSources(parsed.torrentId, parsed.infoHash, metadataUrls)
    infoHash = parsed.infoHash
    webSeeds = [...new Set([...webSeeds, ...parsed.webSeeds])]
  } else {
    if (!isTorrentFile(torrentId)) throw new NotATorrentFileError(fileName)
    id = torrentId
  }
  if (infoHash) {
    const existing = client.torrents.find((t) => t.infoHash === infoHash && !t.destroyed)
    if (existing) return withWebSeeds(existing, webSeeds)
    const inFlight = pending.get(infoHash)
    if (inFlight) return inFlight.then((torrent) => withWebSeeds(torrent, webSeeds))
  }
  const adding = add(client, id, { fileName, announce, webSeeds, bitfield })
  if (!infoHash) return adding
  const key = infoHash
  pending.set(key, adding)
  return adding.finally(() => pending.delete(key))
}

function isTorrentUrl(url: string): boolean {
  try {
    return new URL(url).pathname.toLowerCase().endsWith('.torrent')
  } catch {
    return false
  }
}

/** The magnet to add, naming `.torrent` URLs as exact sources (`xs=`): the engine fetches the file list there. */
function withMetadataSources(torrentId: string, infoHash: string, urls: readonly string[]): string {
  if (!urls.length) return torrentId
  const magnet = torrentId.startsWith('magnet:') ? torrentId : `magnet:?xt=urn:btih:${infoHash}`
  return magnet + urls.map((url) => `&xs=${encodeURIComponent(url)}`).join('')
}

/**
 * Adds web seeds a link or listing names to a torrent the tab already has (opened earlier from a
 * link without them). Before the metadata arrives the engine cannot connect one: it connects
 * every `urlList` entry once the file list is known.
 */
function withWebSeeds(torrent: Torrent, webSeeds: readonly string[]): Torrent {
  for (const url of webSeeds) {
    if (torrent.destroyed || torrent.urlList.includes(url)) continue
    if (torrent.metadata) torrent.addWebSeed(url)
    torrent.urlList.push(url)
  }
  return torrent
}

type AddOptions = { fileName: string; announce: readonly string[]; webSeeds: readonly string[]; bitfield?: Uint8Array }

function add(
  client: TorrentClient,
  id: string | Uint8Array,
  { fileName, announce, webSeeds, bitfield }: AddOptions,
): Promise<Torrent> {
  return new Promise<Torrent>((resolve, reject) => {
    let torrent: Torrent
    const onInfoHash = () => {
      cleanup()
      resolve(torrent)
    }
    const onError = (error: unknown) => {
      cleanup()
      const message = String((error as Error)?.message ?? error)
      const duplicate = /duplicate torrent ([0-9a-f]{40})/i.exec(message)
      const existing = duplicate && client.torrents.find((t) => t.infoHash === duplicate[1])
      if (existing) return resolve(existing)
      if (typeof id !== 'string' && /invalid torrent|torrent identifier/i.test(message)) {
        return reject(new NotATorrentFileError(fileName, { cause: error }))
      }
      if (isQuotaError(error)) return reject(new StorageFullError({ cause: error }))
      reject(new TorrentFailedError(torrent?.name ?? fileName, { cause: error }))
    }
    const cleanup = () => {
      torrent.removeListener('infoHash', onInfoHash)
      torrent.removeListener('error', onError)
    }
    try {
      torrent = client.add(id, {
        announce: [...announce],
        urlList: webSeeds.length ? [...webSeeds] : undefined,
        noPeersIntervalTime: NO_PEERS_INTERVAL_SECONDS,
        store: chunkStore(),
        bitfield,
      })
    } catch (error) {
      reject(new TorrentFailedError(fileName, { cause: error }))
      return
    }
    if (torrent.infoHash) return resolve(torrent)
    torrent.once('infoHash', onInfoHash)
    torrent.once('error', onError)
  })
}
