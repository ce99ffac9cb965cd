import type { Hex } from 'viem'
import { bytesSource } from './bytesSource'
import { openEncryptedFile } from './openEncryptedFile'
import { readRange } from './readRange'

/** Parameters of {@link decryptBytes}. */
export type DecryptBytesParameters = {
  /** The content key `K`. */
  key: Hex
  /** The file id the manifest expects, if any. */
  fileId?: Hex
}

/**
 * Decrypts a whole encrypted file held in memory. For anything large, open it with
 * {@link openEncryptedFile} and use {@link readRange} or {@link decryptStream}.
 * @throws every error of openEncryptedFile and readRange
 */
export async function decryptBytes(ciphertext: Uint8Array, parameters: DecryptBytesParameters): Promise<Uint8Array> {
  const file = await openEncryptedFile(bytesSource(ciphertext), parameters)
  return readRange(file, { start: 0, end: file.size })
}
