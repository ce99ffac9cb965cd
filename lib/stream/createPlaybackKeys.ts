import type { Hex } from 'viem'
import type { PlaintextFile } from './readTorrentManifest'

/** What a page that plays an encrypted torrent lends the stream path: its key and its manifest. */
export type PlaybackKey = {
  key: Hex
  /** The torrent's files as its encrypted manifest names them (undefined: no manifest, decrypt as is). */
  files: Promise<PlaintextFile[] | undefined>
}

/** Keys of the encrypted torrents a tab plays, each held by whoever opened it and released with it. */
export type PlaybackKeys = {
  /** The key held last for `infoHash`, if any holder is left. */
  get(infoHash: string): PlaybackKey | undefined
  /** Holds a key for `infoHash` until the returned function is called (calling it twice is harmless). */
  hold(infoHash: string, entry: PlaybackKey): () => void
}

/**
 * A registry of playback keys. Every entry is a lease: the stream responder reads it, the owner
 * (`openPlayableFiles`) releases it when the page lets go of the torrent, so no key outlives the
 * pages that play it.
 */
export function createPlaybackKeys(): PlaybackKeys {
  const leases = new Map<string, PlaybackKey[]>()
  return {
    get: (infoHash) => leases.get(infoHash)?.at(-1),
    hold(infoHash, entry) {
      // A fresh object per hold: two holders of the same key release one lease each.
      const lease = { ...entry }
      leases.set(infoHash, [...(leases.get(infoHash) ?? []), lease])
      return () => {
        const left = (leases.get(infoHash) ?? []).filter((held) => held !== lease)
        if (left.length) leases.set(infoHash, left)
        else leases.delete(infoHash)
      }
    },
  }
}
