import { type Hex, hexToBytes } from 'viem'
import { describe, expect, test } from 'vitest'
import formatDocument from '../../docs/format.md?raw'
import { formatVectors } from './__fixtures__/formatVectors'
import { decryptBytes } from './decryptBytes'
import { decryptManifest } from './decryptManifest'
import { unsealKey } from './unsealKey'
import { verifyKey } from './verifyKey'

type Vectors = Awaited<ReturnType<typeof formatVectors>>

const block = /<!-- vectors:start -->\s*```json\n([\s\S]*?)\n```\s*<!-- vectors:end -->/.exec(formatDocument)
const documented = JSON.parse(block?.[1] ?? 'null') as Vectors

describe('docs/format.md test vectors', () => {
  test('are exactly what this implementation computes from the same inputs', async () => {
    expect(documented).not.toBeNull()
    expect(documented).toEqual(await formatVectors())
  })

  test('the documented files decrypt to their documented plaintext', async () => {
    for (const file of documented.files)
      expect(
        await decryptBytes(hexToBytes(file.ciphertext as Hex), { key: file.key as Hex, fileId: file.fileId as Hex }),
      ).toEqual(hexToBytes(file.plaintext as Hex))
  })

  test('the documented manifest decrypts to its documented files', async () => {
    const { manifest } = documented
    expect(await decryptManifest(hexToBytes(manifest.ciphertext as Hex), { key: manifest.key as Hex })).toEqual({
      version: 1,
      files: manifest.files,
    })
  })

  test('the documented sealed key unseals to the documented content key, which matches its keyHash', () => {
    const { keys, sealing } = documented
    const point = (p: { x: string; y: string }) => ({ x: BigInt(p.x), y: BigInt(p.y) })
    const key = unsealKey({
      sealedKey: sealing.sealedKey as Hex,
      sessionSecret: keys.sessionSecret as Hex,
      deliveryPublicKey: point(keys.deliveryPublicKey),
      purchaseId: BigInt(sealing.purchaseId),
    })
    expect(key).toBe(keys.contentKey)
    expect(verifyKey({ key, keyHash: keys.keyHash as Hex })).toBe(true)
  })
})
