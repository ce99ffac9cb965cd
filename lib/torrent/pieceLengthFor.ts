/**
 * Pieces of at least 64 KiB, and never more than 2048 of them: the engine stores each piece as
 * its own OPFS file and sends a message per piece, so BitTorrent's usual size/1024 (16 KiB for a
 * 20 MiB clip) costs throughput; much larger pieces would delay the first frame, since a
 * player only gets bytes once their whole piece is verified. `undefined` below 4 MiB: the engine's own choice.
 * @example
 * pieceLengthFor(20 * 1024 * 1024) // 65536
 */
export function pieceLengthFor(totalBytes: number): number | undefined {
  if (totalBytes < 4 * 1024 * 1024) return undefined
  let length = 64 * 1024
  while (totalBytes / length > 2048 && length < 4 * 1024 * 1024) length *= 2
  return length
}
