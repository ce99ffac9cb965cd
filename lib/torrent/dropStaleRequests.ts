import type { Torrent, TorrentFile } from 'webtorrent/dist/webtorrent.min.js'

/** Parameters of {@link dropStaleRequests}. */
export type DropStaleRequestsParameters = {
  /** The file the new read is of. */
  file: TorrentFile
  /** First byte of the file the new read needs. */
  start: number
  /** Last byte of the file the new read needs (inclusive). */
  end: number
}

/** The engine's wire internals this touches (bittorrent-protocol's `Wire`). */
/**
 * Bytes past the read's start whose requests stay. Requests further on, even inside the read's
 * range (a seek backwards), would still go before the target: they are asked for again after it.
 */
const KEEP_AHEAD_BYTES = 4 * 1024 * 1024

type RequestingWire = {
  type?: string
  destroyed?: boolean
  requests: { piece: number; offset: number; length: number }[]
  cancel(piece: number, offset: number, length: number): void
}

/**
 * Cancels the block requests in flight, on every peer, for pieces other than the first few that
 * bytes `start..end` of `file` lie in, and returns how many it cancelled. The engine keeps up to a second of transfer requested ahead per peer and
 * asks for a newly selected piece only once that pipeline drains: after a seek the target waited
 * behind a second of bytes the player no longer wants (longer on a slow CPU). Cancelled blocks go
 * back to their pieces (the engine's own cancel path), so whatever else still selects them asks
 * again later; the target, made critical by the read, goes out first.
 *
 * @example
 * const iterator = file[Symbol.asyncIterator]({ start, end }) // selects the new range first
 * dropStaleRequests(torrent, { file, start, end })
 */
export function dropStaleRequests(torrent: Torrent, { file, start, end }: DropStaleRequestsParameters): number {
  const from = Math.floor((file.offset + start) / torrent.pieceLength)
  const to = Math.floor((file.offset + Math.min(end, start + KEEP_AHEAD_BYTES)) / torrent.pieceLength)
  let dropped = 0
  for (const wire of torrent.wires as unknown as RequestingWire[]) {
    // Web seeds ask for whole ranges over HTTP; their requests cannot be cut short.
    if (wire.type === 'webSeed' || wire.destroyed || !Array.isArray(wire.requests)) continue
    for (const { piece, offset, length } of [...wire.requests]) {
      if (piece >= from && piece <= to) continue
      wire.cancel(piece, offset, length)
      dropped++
    }
  }
  return dropped
}
