import type { Hex } from 'viem'
import { encryptBytes } from './encryptBytes'
import { InvalidParameterError } from './errors'
import { manifestKey } from './manifestKey'
import { parseManifest } from './parseManifest'
import type { ManifestEntry } from './types'

/** Parameters of {@link encryptManifest}. */
export type EncryptManifestParameters = {
  /** The content key `K`. */
  key: Hex
  /** The files of the torrent, with the file ids {@link encryptFile} returned. */
  files: ManifestEntry[]
  /** The manifest's own 16-byte file id; random unless given (test vectors). */
  fileId?: Hex
}

/**
 * Encrypts the manifest of a paid torrent (names, MIME types, sizes, file ids) so only holders
 * of `K` can read it. Store the result in the torrent as {@link MANIFEST_NAME}.
 * @throws InvalidParameterError when an entry would not pass {@link parseManifest} (unsafe name, duplicate...)
 * @example
 * const { fileId } = await encryptFile(file, { key, sink })
 * const manifest = await encryptManifest({ key, files: [{ name: file.name, type: file.type, size: file.size, fileId }] })
 */
export async function encryptManifest({
  key,
  files,
  fileId,
}: EncryptManifestParameters): Promise<Uint8Array<ArrayBuffer>> {
  const parsed = parseManifest({ version: 1, files })
  if ('reason' in parsed) throw new InvalidParameterError({ reason: `the manifest is invalid: ${parsed.reason}` })
  const plaintext = new TextEncoder().encode(JSON.stringify(parsed.manifest))
  return encryptBytes(plaintext, { key: manifestKey(key), fileId })
}
