import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { decodeReceiptsMessage } from './decodeReceiptsMessage'
import { encodeReceiptsMessage } from './encodeReceiptsMessage'
import { readHandshakePayee } from './readHandshakePayee'
import { PAYEE_HANDSHAKE_KEY, RECEIPT_LENGTH, type ReceiptMessage } from './receiptsProtocol'

const seeder = privateKeyToAccount(`0x${'11'.repeat(32)}`).address
const receipt: ReceiptMessage = {
  type: 'receipt',
  chainId: 31337,
  purchaseId: (1n << 200n) + 7n,
  seeder,
  bytes: 12_345_678_901n,
  signature: `0x${'ab'.repeat(64)}1b`,
}

describe('receipts messages', () => {
  test('a receipt survives the wire unchanged', () => {
    const bytes = encodeReceiptsMessage(receipt)
    expect(bytes.length).toBe(RECEIPT_LENGTH)
    expect(decodeReceiptsMessage(bytes)).toEqual(receipt)
  })

  test('a payee message survives the wire unchanged', () => {
    expect(decodeReceiptsMessage(encodeReceiptsMessage({ type: 'payee', payee: seeder }))).toEqual({
      type: 'payee',
      payee: seeder,
    })
  })

  test('refuses a receipt one byte short or one byte long', () => {
    const bytes = encodeReceiptsMessage(receipt)
    expect(decodeReceiptsMessage(bytes.subarray(0, bytes.length - 1))).toBeUndefined()
    const longer = new Uint8Array(bytes.length + 1)
    longer.set(bytes)
    expect(decodeReceiptsMessage(longer)).toBeUndefined()
  })

  test('refuses unknown types, empty payloads and values that are not bytes', () => {
    const bytes = encodeReceiptsMessage(receipt)
    bytes[0] = 9
    expect(decodeReceiptsMessage(bytes)).toBeUndefined()
    expect(decodeReceiptsMessage(new Uint8Array())).toBeUndefined()
    expect(decodeReceiptsMessage('receipt')).toBeUndefined()
    expect(decodeReceiptsMessage({ type: 'receipt' })).toBeUndefined()
  })

  test('refuses a chain id of zero or beyond what a number holds exactly', () => {
    const bytes = encodeReceiptsMessage(receipt)
    new DataView(bytes.buffer).setBigUint64(1, 0n)
    expect(decodeReceiptsMessage(bytes)).toBeUndefined()
    new DataView(bytes.buffer).setBigUint64(1, 1n << 60n)
    expect(decodeReceiptsMessage(bytes)).toBeUndefined()
  })

  test('reads a message that sits inside a larger buffer', () => {
    const bytes = encodeReceiptsMessage(receipt)
    const framed = new Uint8Array(bytes.length + 2)
    framed.set(bytes, 2)
    expect(decodeReceiptsMessage(framed.subarray(2))).toEqual(receipt)
  })

  test('will not encode values the contract cannot take', () => {
    expect(() => encodeReceiptsMessage({ ...receipt, bytes: 1n << 64n })).toThrow(RangeError)
    expect(() => encodeReceiptsMessage({ ...receipt, bytes: -1n })).toThrow(RangeError)
    expect(() => encodeReceiptsMessage({ ...receipt, signature: '0x1234' })).toThrow(RangeError)
    expect(() => encodeReceiptsMessage({ ...receipt, chainId: 0 })).toThrow(RangeError)
  })

  test('reads a payee from a handshake only when it is 20 raw bytes', () => {
    const raw = Uint8Array.from(Buffer.from(seeder.slice(2), 'hex'))
    expect(readHandshakePayee({ [PAYEE_HANDSHAKE_KEY]: raw })).toBe(seeder)
    expect(readHandshakePayee({ [PAYEE_HANDSHAKE_KEY]: raw.subarray(1) })).toBeUndefined()
    expect(readHandshakePayee({ [PAYEE_HANDSHAKE_KEY]: seeder })).toBeUndefined()
    expect(readHandshakePayee({ m: {} })).toBeUndefined()
    expect(readHandshakePayee(undefined)).toBeUndefined()
  })
})
