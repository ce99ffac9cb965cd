import { bytesToHex, getAddress } from 'viem'
import { PAYEE, PAYEE_LENGTH, RECEIPT, RECEIPT_LENGTH, type ReceiptsMessage } from './receiptsProtocol'

/**
 * Reads a receipts message from a peer, or undefined when it is not one (wrong type, wrong
 * length, a chain id beyond what a number holds exactly). Nothing in it is trusted yet: a
 * receipt's signature, purchase and byte count are checked by whoever keeps it.
 */
export function decodeReceiptsMessage(data: unknown): ReceiptsMessage | undefined {
  if (!(data instanceof Uint8Array) || data.length === 0) return undefined
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  if (data[0] === PAYEE && data.length === PAYEE_LENGTH) {
    return { type: 'payee', payee: getAddress(bytesToHex(data.subarray(1))) }
  }
  if (data[0] !== RECEIPT || data.length !== RECEIPT_LENGTH) return undefined
  const chainId = view.getBigUint64(1)
  if (chainId === 0n || chainId > BigInt(Number.MAX_SAFE_INTEGER)) return undefined
  let purchaseId = 0n
  for (let i = 0; i < 4; i++) purchaseId = (purchaseId << 64n) | view.getBigUint64(9 + 8 * i)
  return {
    type: 'receipt',
    chainId: Number(chainId),
    purchaseId,
    seeder: getAddress(bytesToHex(data.subarray(41, 61))),
    bytes: view.getBigUint64(61),
    signature: bytesToHex(data.subarray(69)),
  }
}
