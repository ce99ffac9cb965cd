import { getAddress, hexToBytes, isHex, size } from 'viem'
import { MAX_U64, PAYEE, PAYEE_LENGTH, RECEIPT, RECEIPT_LENGTH, type ReceiptsMessage } from './receiptsProtocol'

/**
 * The wire bytes of a receipts message: a fixed binary layout (big-endian), one type byte first.
 * Fixed lengths instead of bencode so that a peer's message is checked by its length and type
 * alone, before any field is read.
 */
export function encodeReceiptsMessage(message: ReceiptsMessage): Uint8Array {
  if (message.type === 'payee') {
    const out = new Uint8Array(PAYEE_LENGTH)
    out[0] = PAYEE
    out.set(hexToBytes(getAddress(message.payee)), 1)
    return out
  }
  const { chainId, purchaseId, seeder, bytes, signature } = message
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new RangeError('chainId must be a positive integer')
  if (purchaseId < 0n || purchaseId >= 1n << 256n) throw new RangeError('purchaseId must fit in 256 bits')
  if (bytes < 0n || bytes > MAX_U64) throw new RangeError('bytes must fit in 64 bits')
  if (!isHex(signature) || size(signature) !== 65) throw new RangeError('signature must be 65 bytes')
  const out = new Uint8Array(RECEIPT_LENGTH)
  const view = new DataView(out.buffer)
  out[0] = RECEIPT
  view.setBigUint64(1, BigInt(chainId))
  for (let i = 0; i < 4; i++) view.setBigUint64(9 + 8 * i, (purchaseId >> BigInt(64 * (3 - i))) & MAX_U64)
  out.set(hexToBytes(getAddress(seeder)), 41)
  view.setBigUint64(61, bytes)
  out.set(hexToBytes(signature), 69)
  return out
}
