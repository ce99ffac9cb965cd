import type { Hex } from 'viem'
import { MANIFEST_NAME } from '../../../lib/crypto/constants'
import { encryptBytes } from '../../../lib/crypto/encryptBytes'
import { encryptManifest } from '../../../lib/crypto/encryptManifest'
import { opaqueName } from '../../../lib/crypto/opaqueName'
import type { SeedFile } from './seedFromHome'

/**
 * The files of a paid torrent as Keyswarm's publish flow lays them out (lib/crypto's format):
 * the encrypted manifest and each file's ciphertext under its opaque name.
 */
export async function encryptForTorrent(key: Hex, files: { name: string; type: string; bytes: Uint8Array }[]): Promise<SeedFile[]> {
  const sealed = await Promise.all(
    files.map(async (file, i) => {
      const fileId = `0x${(i + 1).toString(16).padStart(32, '0')}` as Hex
      return { ...file, fileId, ciphertext: await encryptBytes(file.bytes, { key, fileId }) }
    }),
  )
  const manifest = await encryptManifest({
    key,
    files: sealed.map(({ name, type, bytes, fileId }) => ({ name, type, size: bytes.length, fileId })),
  })
  return [
    { name: MANIFEST_NAME, mimeType: 'application/octet-stream', buffer: Buffer.from(manifest) },
    ...sealed.map(({ fileId, ciphertext }) => ({
      name: opaqueName(fileId),
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(ciphertext),
    })),
  ]
}
