import type { Page } from '@playwright/test'
import type WebTorrent from 'webtorrent/dist/webtorrent.min.js'
import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'

/** Parameters of {@link downloadInPlainClient}. */
export type DownloadInPlainClientParameters = {
  /** The torrent's infohash, 40 hex digits. */
  infoHash: string
  /** The tracker the plain client announces to. */
  tracker: string
}

/** What the plain client holds once the torrent is complete. */
export type PlainDownload = {
  infoHash: string
  length: number
  pieces: number
  /** Pieces whose stored bytes, hashed again in the page, do not match the torrent's SHA-1. */
  badPieces: number
}

/**
 * Adds a torrent to the plain WebTorrent client of {@link openPlainWebTorrent}'s page and waits
 * until it is complete; then hashes every piece again from the stored bytes (the torrent's metadata
 * is bound to its infohash, so matching pieces are the publisher's bytes). The torrent stays in the
 * client and seeds: {@link plainUploaded} reads what it has served since.
 */
export function downloadInPlainClient(
  plain: Page,
  { infoHash, tracker }: DownloadInPlainClientParameters,
): Promise<PlainDownload> {
  return plain.evaluate(
    ({ infoHash, tracker }) =>
      new Promise<PlainDownload>((resolve, reject) => {
        const client = (window as unknown as { client: WebTorrent }).client
        client.add(infoHash, { announce: [tracker] }, (torrent: Torrent) => {
          torrent.on('error', reject)
          const finish = async () => {
            const parts = await Promise.all(torrent.files.map((file) => file.arrayBuffer()))
            const all = new Uint8Array(torrent.length)
            let at = 0
            for (const part of parts) {
              all.set(new Uint8Array(part), at)
              at += part.byteLength
            }
            let badPieces = 0
            for (let i = 0; i < torrent.pieces.length; i++) {
              const piece = all.subarray(i * torrent.pieceLength, Math.min((i + 1) * torrent.pieceLength, torrent.length))
              const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', piece))
              const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
              if (hex !== (torrent as unknown as { _hashes: string[] })._hashes[i]) badPieces++
            }
            resolve({ infoHash: torrent.infoHash, length: torrent.length, pieces: torrent.pieces.length, badPieces })
          }
          if (torrent.done) void finish().catch(reject)
          else torrent.once('done', () => void finish().catch(reject))
        })
      }),
    { infoHash, tracker },
  )
}
