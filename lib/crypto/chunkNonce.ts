/**
 * The 12-byte AES-GCM nonce of chunk `index`: the index as a big-endian uint64, three zero bytes,
 * then 0x01 for the last chunk or 0x00 for any other. The per-file key makes it unique per key.
 */
export function chunkNonce(index: number, last: boolean): Uint8Array<ArrayBuffer> {
  const nonce = new Uint8Array(12)
  new DataView(nonce.buffer).setBigUint64(0, BigInt(index))
  nonce[11] = last ? 1 : 0
  return nonce
}
