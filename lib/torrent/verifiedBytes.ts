/**
 * Which source delivered how many bytes of each piece still being checked, so that only pieces
 * that passed the hash check count, each to the sources that sent it. A piece's credit never
 * exceeds its length (duplicate blocks in end game, a retry after a failed check), split in
 * proportion to what each source sent.
 *
 * @example
 * const counts = verifiedBytes<Wire>()
 * wire.on('piece', (index, _offset, block) => counts.received(index, wire, block.length))
 * torrent.on('verified', (index) => credit(counts.verified(index, pieceLength(index))))
 */
export function verifiedBytes<Source>() {
  const pending = new Map<number, Map<Source, number>>()
  return {
    /** A block of piece `index` arrived from `source`. */
    received(index: number, source: Source, length: number): void {
      if (!Number.isSafeInteger(index) || index < 0 || !(length > 0)) return
      let sources = pending.get(index)
      if (!sources) pending.set(index, (sources = new Map()))
      sources.set(source, (sources.get(source) ?? 0) + length)
    },
    /** Piece `index` passed its hash check: what each source is credited for it. */
    verified(index: number, pieceLength: number): Map<Source, number> {
      const sources = pending.get(index)
      pending.delete(index)
      const credit = new Map<Source, number>()
      if (!sources) return credit
      let total = 0
      for (const bytes of sources.values()) total += bytes
      const scale = total > pieceLength ? pieceLength / total : 1
      for (const [source, bytes] of sources) {
        const share = Math.floor(bytes * scale)
        if (share > 0) credit.set(source, share)
      }
      return credit
    },
    /** Piece `index` failed its hash check: what was sent for it counts for nobody. */
    failed(index: number): void {
      pending.delete(index)
    },
  }
}

/** The counter `verifiedBytes` returns. */
export type VerifiedBytes<Source> = ReturnType<typeof verifiedBytes<Source>>
