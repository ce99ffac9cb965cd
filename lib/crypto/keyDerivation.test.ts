import { secp256k1 } from '@noble/curves/secp256k1'
import { type Hex, bytesToHex, concat, encodeAbiParameters, hexToBigInt, hexToBytes, numberToHex, slice } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { accountMessage } from './accountMessage'
import { accountSecret } from './accountSecret'
import { contentKey } from './contentKey'
import { deliveryKey } from './deliveryKey'
import { InvalidParameterError } from './errors'
import { publicPoint } from './publicPoint'
import { sessionKey } from './sessionKey'

const wallet = privateKeyToAccount(`0x${'11'.repeat(32)}`)
const contract = '0x5fbdb2315678afecb367f032d93f642f64180aa3'
const salt: Hex = `0x${'ab'.repeat(32)}`
const otherSalt: Hex = `0x${'cd'.repeat(32)}`

/** HKDF-SHA256 through WebCrypto, an independent implementation to check ours against. */
async function webHkdf(ikm: Hex, hkdfSalt: Hex, info: string, bits: number): Promise<Hex> {
  const base = await crypto.subtle.importKey('raw', new Uint8Array(hexToBytes(ikm)), 'HKDF', false, ['deriveBits'])
  const params = {
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(hexToBytes(hkdfSalt)),
    info: new TextEncoder().encode(info),
  }
  return bytesToHex(new Uint8Array(await crypto.subtle.deriveBits(params, base, bits)))
}

describe('accountMessage', () => {
  test('names the app, the chain id and the checksummed contract, whatever the address casing', () => {
    const message = accountMessage({ chainId: 31337, contract })
    expect(message).toContain('Keyswarm')
    expect(message).toContain('Chain id: 31337')
    expect(message).toContain('Contract: 0x5FbDB2315678afecb367f032d93F642f64180aa3')
    expect(accountMessage({ chainId: 31337, contract: contract.toUpperCase().replace('0X', '0x') as Hex })).toBe(
      message,
    )
    expect(accountMessage({ chainId: 1, contract })).not.toBe(message)
  })
})

describe('accountSecret', () => {
  test('is the same on every signing of the message by the same wallet', async () => {
    const message = accountMessage({ chainId: 31337, contract })
    const first = await wallet.signMessage({ message })
    const second = await wallet.signMessage({ message })
    expect(accountSecret({ signature: first })).toBe(accountSecret({ signature: second }))
    expect(accountSecret({ signature: first })).toMatch(/^0x[0-9a-f]{64}$/)
  })

  test('ignores how a wallet writes v and whether it sends high or low s', async () => {
    const signature = await wallet.signMessage({ message: accountMessage({ chainId: 31337, contract }) })
    const m = accountSecret({ signature })
    const r = slice(signature, 0, 32)
    const s = slice(signature, 32, 64)
    const highS = numberToHex(secp256k1.CURVE.n - hexToBigInt(s), { size: 32 })
    for (const v of ['0x00', '0x01', '0x1b', '0x1c'] as const)
      expect(accountSecret({ signature: concat([r, s, v]) })).toBe(m)
    expect(accountSecret({ signature: concat([r, highS, '0x1b']) })).toBe(m)
    const yParity = hexToBigInt(slice(signature, 64)) === 28n ? 1n : 0n
    const compact = numberToHex(hexToBigInt(s) | (yParity << 255n), { size: 32 })
    expect(accountSecret({ signature: concat([r, compact]) })).toBe(m)
  })

  test('differs between chains, contracts and wallets', async () => {
    const m = accountSecret({
      signature: await wallet.signMessage({ message: accountMessage({ chainId: 31337, contract }) }),
    })
    const onOtherChain = accountSecret({
      signature: await wallet.signMessage({ message: accountMessage({ chainId: 1, contract }) }),
    })
    const other = privateKeyToAccount(`0x${'22'.repeat(32)}`)
    const ofOtherWallet = accountSecret({
      signature: await other.signMessage({ message: accountMessage({ chainId: 31337, contract }) }),
    })
    expect(new Set([m, onOtherChain, ofOtherWallet]).size).toBe(3)
  })

  test('is HKDF-SHA256 over r || s with info "account", as WebCrypto computes it', async () => {
    const signature = await wallet.signMessage({ message: 'x' })
    expect(accountSecret({ signature })).toBe(await webHkdf(slice(signature, 0, 64), '0x', 'account', 256))
  })

  test('refuses something that is not a signature', () => {
    expect(() => accountSecret({ signature: '0x1234' })).toThrow(InvalidParameterError)
  })
})

describe('content, delivery and session keys', () => {
  const m: Hex = `0x${'42'.repeat(32)}`

  test('the content key is HKDF-SHA256(m, listing salt, "content"), as WebCrypto computes it', async () => {
    expect(contentKey({ accountSecret: m, salt })).toBe(await webHkdf(m, salt, 'content', 256))
  })

  test('the delivery secret is 48 HKDF bytes of (m, salt, "delivery") reduced into [1, n-1]', async () => {
    const okm = hexToBigInt(await webHkdf(m, salt, 'delivery', 384))
    const expected = numberToHex((okm % (secp256k1.CURVE.n - 1n)) + 1n, { size: 32 })
    const { secret, publicKey } = deliveryKey({ accountSecret: m, salt })
    expect(secret).toBe(expected)
    expect(publicKey).toEqual(publicPoint(secret))
  })

  test('the session secret is 48 HKDF bytes of (m, abi.encode(contentId, nonce), "session") reduced into [1, n-1]', async () => {
    const hkdfSalt = encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [5n, 0n])
    const okm = hexToBigInt(await webHkdf(m, hkdfSalt, 'session', 384))
    expect(sessionKey({ accountSecret: m, contentId: 5n, nonce: 0n }).secret).toBe(
      numberToHex((okm % (secp256k1.CURVE.n - 1n)) + 1n, { size: 32 }),
    )
  })

  test('are deterministic', () => {
    expect(contentKey({ accountSecret: m, salt })).toBe(contentKey({ accountSecret: m, salt }))
    expect(deliveryKey({ accountSecret: m, salt })).toEqual(deliveryKey({ accountSecret: m, salt }))
    expect(sessionKey({ accountSecret: m, contentId: 1n, nonce: 2n })).toEqual(
      sessionKey({ accountSecret: m, contentId: 1n, nonce: 2n }),
    )
  })

  test('are separated: each purpose, salt, listing and nonce gives another key', () => {
    const keys = [
      contentKey({ accountSecret: m, salt }),
      contentKey({ accountSecret: m, salt: otherSalt }),
      contentKey({ accountSecret: `0x${'43'.repeat(32)}`, salt }),
      deliveryKey({ accountSecret: m, salt }).secret,
      deliveryKey({ accountSecret: m, salt: otherSalt }).secret,
      sessionKey({ accountSecret: m, contentId: 1n, nonce: 0n }).secret,
      sessionKey({ accountSecret: m, contentId: 1n, nonce: 1n }).secret,
      sessionKey({ accountSecret: m, contentId: 2n, nonce: 0n }).secret,
    ]
    expect(new Set(keys).size).toBe(keys.length)
  })

  test('refuses salts and secrets of the wrong size', () => {
    expect(() => contentKey({ accountSecret: m, salt: '0x12' })).toThrow(InvalidParameterError)
    expect(() => deliveryKey({ accountSecret: '0x12', salt })).toThrow(InvalidParameterError)
    expect(() => sessionKey({ accountSecret: '0x12', contentId: 1n, nonce: 0n })).toThrow(InvalidParameterError)
  })
})
