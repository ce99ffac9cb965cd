import type { Hex } from 'viem'
import { bytesSource } from './bytesSource'
import { InvalidManifestError } from './errors'
import { manifestKey } from './manifestKey'
import { openEncryptedFile } from './openEncryptedFile'
import { parseManifest } from './parseManifest'
import { readRange } from './readRange'
import type { ByteSource, Manifest } from './types'

/** Parameters of {@link decryptManifest}. */
export type DecryptManifestParameters = {
  /** The content key `K`. */
  key: Hex
}

/**
 * Decrypts and checks the manifest of a paid torrent.
 * @throws WrongKeyError, CorruptedChunkError..., InvalidManifestError, UnknownVersionError
 * @example
 * const { files } = await decryptManifest(manifestBytes, { key })
 * const file = await openEncryptedFile(torrentFileSource(opaqueName(files[0].fileId)), { key, fileId: files[0].fileId })
 */
export async function decryptManifest(
  input: Uint8Array | ByteSource,
  { key }: DecryptManifestParameters,
): Promise<Manifest> {
  const file = await openEncryptedFile(input instanceof Uint8Array ? bytesSource(input) : input, {
    key: manifestKey(key),
  })
  const text = await readRange(file, { start: 0, end: file.size })
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(text))
  } catch (cause) {
    throw new InvalidManifestError({ reason: 'it is not JSON', cause })
  }
  const parsed = parseManifest(value)
  if ('reason' in parsed) throw new InvalidManifestError({ reason: parsed.reason })
  return parsed.manifest
}
