import { type Hex, bytesToHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { decryptManifest } from './decryptManifest'
import { encryptBytes } from './encryptBytes'
import { encryptManifest } from './encryptManifest'
import { InvalidManifestError, InvalidParameterError, UnknownVersionError, WrongKeyError } from './errors'
import { manifestKey } from './manifestKey'
import { opaqueName } from './opaqueName'
import type { ManifestEntry } from './types'

const key: Hex = `0x${'9e'.repeat(32)}`
const id = (): Hex => bytesToHex(crypto.getRandomValues(new Uint8Array(16)))
const files: ManifestEntry[] = [
  { name: 'Film (director’s cut).mp4', type: 'video/mp4', size: 4_000_000_000, fileId: id() },
  { name: 'extras/Making of.webm', type: 'video/webm', size: 0, fileId: id() },
  { name: '<script>alert(1)</script>.txt', type: '', size: 12, fileId: id() },
]

describe('manifest', () => {
  test('reads back the names, types, sizes and ids it was written with', async () => {
    expect(await decryptManifest(await encryptManifest({ key, files }), { key })).toEqual({ version: 1, files })
  })

  test('shows the swarm no name, type or size', async () => {
    const ciphertext = new TextDecoder('latin1').decode(await encryptManifest({ key, files }))
    for (const word of ['Film', 'video', 'mp4', 'extras', '4000000000']) expect(ciphertext).not.toContain(word)
  })

  test('a wrong key cannot read it', async () => {
    await expect(
      decryptManifest(await encryptManifest({ key, files }), { key: `0x${'9f'.repeat(32)}` }),
    ).rejects.toThrow(WrongKeyError)
  })

  test('a data file of the same listing does not pass for the manifest', async () => {
    const dataFile = await encryptBytes(new TextEncoder().encode(JSON.stringify({ version: 1, files: [] })), { key })
    await expect(decryptManifest(dataFile, { key })).rejects.toThrow(WrongKeyError)
  })

  test('refuses a manifest that decrypts but is not a valid list of files', async () => {
    const seal = (value: unknown) =>
      encryptBytes(new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)), {
        key: manifestKey(key),
      })
    await expect(decryptManifest(await seal('not json'), { key })).rejects.toThrow(InvalidManifestError)
    await expect(decryptManifest(await seal({ version: 1 }), { key })).rejects.toThrow(InvalidManifestError)
    await expect(decryptManifest(await seal({ version: 2, files: [] }), { key })).rejects.toThrow(UnknownVersionError)
    await expect(
      decryptManifest(await seal({ version: 1, files: [{ ...files[0], size: -1 }] }), { key }),
    ).rejects.toThrow(InvalidManifestError)
  })

  test('refuses to write unsafe or duplicate names', async () => {
    for (const name of ['../etc/passwd', '/abs', 'a//b', 'a/./b', '', 'nul\0byte', 'back\\slash'])
      await expect(encryptManifest({ key, files: [{ ...files[0]!, name }] })).rejects.toThrow(InvalidParameterError)
    await expect(encryptManifest({ key, files: [files[0]!, { ...files[1]!, name: files[0]!.name }] })).rejects.toThrow(
      InvalidParameterError,
    )
    await expect(
      encryptManifest({ key, files: [files[0]!, { ...files[1]!, fileId: files[0]!.fileId }] }),
    ).rejects.toThrow(InvalidParameterError)
  })
})

describe('opaqueName', () => {
  test('is the file id in lowercase hex, without 0x', () => {
    expect(opaqueName('0x000102030405060708090A0B0C0D0E0F')).toBe('000102030405060708090a0b0c0d0e0f')
    expect(() => opaqueName('0x1234')).toThrow(InvalidParameterError)
  })
})
