'use client'

import { useEffect, useRef, useState } from 'react'
import type { ListingState } from '@/lib/chain/readListing'
import { isFreeListing } from '@/lib/chain/isFreeListing'
import { getTrackers } from '@/lib/config'
import { addSwarmRelays } from '@/lib/discovery/addSwarmRelays'
import { formatError } from '@/lib/formatError'
import { getLibraryEntry } from '@/lib/library/getLibraryEntry'
import { MANIFEST_NAME } from '@/lib/crypto/constants'
import { findCoverFile } from '@/lib/publish/findCoverFile'
import { type Torrent, addTorrent } from '@/lib/torrent/addTorrent'
import { getClient } from '@/lib/torrent/getClient'
import { openTorrent } from '@/lib/torrent/openTorrent'
import { rememberTorrent } from '@/lib/torrent/rememberTorrent'
import { removeTorrent } from '@/lib/torrent/removeTorrent'
import { watchTorrentHealth } from '@/lib/torrent/watchTorrentHealth'
import { webSocketUrls } from '@/lib/torrent/webSocketUrls'
import type { LinkSources } from '@/lib/torrent/readLinkSources'
import { useStableList } from '@/components/ui/useStableList'

/** Piece selection, which the engine has and lib/torrent's typings leave out. */
type Selectable = { select(start: number, end: number): void; deselect(start: number, end: number): void }

/**
 * How much of a paid torrent's start (the start of its first file; its encrypted manifest is
 * fetched too, wherever it lies) is fetched before purchase, so that playback starts sooner after Unlock without spending a visitor's
 * bandwidth on a whole file they may not buy.
 */
export const PAID_PREFETCH_BYTES = 1024 * 1024

/** A swarm may serve anything under the cover's name: a bigger "cover" is not shown. */
const MAX_COVER_BYTES = 2 * 1024 * 1024

/** Parameters of {@link useListingTorrent}. */
export type UseListingTorrentParameters = {
  /**
   * Whether the whole torrent is wanted now: a free listing, or a paid one this device holds the
   * key of. Before that, a paid listing's torrent fetches its cover only, not the ciphertext.
   */
  wanted: boolean
  /** Trackers and Nostr relays a link named (`&tr=`, `&relay=`), on top of the app's and the listing's. */
  linkSources?: LinkSources
}

/**
 * A listing's torrent, opened as soon as the listing is read (with the trackers, relays and web seeds in
 * effect: the creator may have changed them since listing; and a link's own), and its cover image's object URL once the cover file arrives from the swarm — it
 * travels unencrypted, so it shows before purchase. A free listing's torrent is kept in the
 * library (the viewer seeds it after a reload); a paid one's only once the key is there.
 * `prefetched` turns true once a paid torrent opened before purchase holds its first
 * PAID_PREFETCH_BYTES: the last thing it fetches until the key comes.
 */
export function useListingTorrent(listing: ListingState | undefined, { wanted, linkSources }: UseListingTorrentParameters) {
  const [torrent, setTorrent] = useState<Torrent>()
  const [cover, setCover] = useState<string>()
  const [error, setError] = useState<string>()
  const [prefetched, setPrefetched] = useState(false)
  const wantedRef = useRef(wanted)
  wantedRef.current = wanted
  const narrowed = useRef(false)
  const free = listing ? isFreeListing(listing) : false
  const infoHash = listing?.infoHash
  const trackers = useStableList(webSocketUrls([...(listing?.sources.trackers ?? []), ...(linkSources?.trackers ?? [])]))
  const relays = useStableList(webSocketUrls([...(listing?.sources.relays ?? []), ...(linkSources?.relays ?? [])]))
  const webSeeds = useStableList(listing?.sources.webSeeds)

  useEffect(() => {
    if (!infoHash) return
    let live = true
    let added: Torrent | undefined
    let coverUrl: string | undefined
    let stopWatching: (() => void) | undefined
    narrowed.current = false
    // A paid torrent opened here only for its cover goes when the page does, unless the key came.
    const closeUnwanted = () => {
      if (!added || wantedRef.current || free) return
      removeTorrent(added.infoHash).catch((e: unknown) => console.error('[keyswarm] could not close the torrent', e))
      added = undefined
    }
    ;(async () => {
      const client = await getClient()
      const present = client.torrents.some((t) => t.infoHash === infoHash && !t.destroyed)
      const kept = !!(await getLibraryEntry(infoHash))
      addSwarmRelays(infoHash, relays)
      const opened = kept
        ? // A torrent of the library opens from its stored .torrent file and stored pieces.
          await openTorrent({ torrentId: infoHash, remember: false, trackers })
        : await addTorrent(client, {
            torrentId: infoHash,
            announce: [...new Set([...getTrackers(), ...trackers])],
            webSeeds,
          })
      watchTorrentHealth(opened)
      if (!present && !kept) added = opened
      if (!live) return closeUnwanted()
      if (free && !kept) await rememberTorrent(opened, { origin: 'downloaded' })
      setTorrent(opened)
      const onReady = async () => {
        // Before the buyer holds the key, a paid listing fetches its cover and the first
        // PAID_PREFETCH_BYTES of ciphertext only.
        if (added && !wantedRef.current && opened.pieces.length > 0) {
          const selectable = opened as unknown as Selectable
          selectable.deselect(0, opened.pieces.length - 1)
          const last = Math.min(opened.pieces.length - 1, Math.floor((PAID_PREFETCH_BYTES - 1) / opened.pieceLength))
          selectable.select(0, last)
          // The encrypted manifest too, wherever it is: new listings put it after their first file.
          const manifest = opened.files.find((file) => file.name === MANIFEST_NAME)
          const pieces: [number, number][] = [[0, last]]
          if (manifest && manifest.length > 0) {
            const from = Math.floor(manifest.offset / opened.pieceLength)
            const to = Math.floor((manifest.offset + manifest.length - 1) / opened.pieceLength)
            selectable.select(from, to)
            pieces.push([from, to])
          }
          narrowed.current = true
          // Say when the prefetch is whole, so the page (and its tests) know nothing more comes before Unlock.
          const check = () => {
            for (const [from, to] of pieces) for (let index = from; index <= to; index++) if (!opened.bitfield?.get(index)) return
            opened.off('verified', check)
            if (live) setPrefetched(true)
          }
          opened.on('verified', check)
          stopWatching = () => opened.off('verified', check)
          check()
        }
        const index = findCoverFile(opened.files)
        const file = index === undefined ? undefined : opened.files[index]
        if (!file || file.length > MAX_COVER_BYTES) return
        const bytes = await file.arrayBuffer()
        if (!live) return
        const type = file.name.endsWith('.webp') ? 'image/webp' : 'image/jpeg'
        coverUrl = URL.createObjectURL(new Blob([bytes], { type }))
        setCover(coverUrl)
      }
      if (opened.ready) await onReady()
      else opened.once('ready', () => void onReady().catch((e: unknown) => live && setError(formatError(e))))
    })().catch((e: unknown) => live && setError(formatError(e)))
    return () => {
      live = false
      stopWatching?.()
      setPrefetched(false)
      if (coverUrl) URL.revokeObjectURL(coverUrl)
      setCover(undefined)
      setTorrent(undefined)
      closeUnwanted()
    }
  }, [infoHash, trackers, relays, webSeeds, free])

  useEffect(() => {
    // The key arrived: fetch the whole torrent again, in the background, for seeking and seeding.
    if (wanted && torrent && narrowed.current && !torrent.destroyed && torrent.pieces.length > 0) {
      ;(torrent as unknown as Selectable).select(0, torrent.pieces.length - 1)
      narrowed.current = false
    }
  }, [wanted, torrent])

  return { torrent, cover, error, prefetched }
}
