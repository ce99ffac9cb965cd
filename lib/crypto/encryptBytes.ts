import type { Hex } from 'viem'
import { bytesSource } from './bytesSource'
import { encryptFile } from './encryptFile'
import { joinBytes } from './joinBytes'

/** Parameters of {@link encryptBytes}. */
export type EncryptBytesParameters = {
  /** The content key `K`. */
  key: Hex
  /** Plaintext bytes per chunk (default 64 KiB). */
  chunkSize?: number
  /** See `encryptFile`. */
  version?: 1 | 2
  /** The 16-byte file id; random unless given. */
  fileId?: Hex
}

/**
 * Encrypts bytes already in memory (a manifest, a small file) into one encrypted file.
 * For anything large, stream with {@link encryptFile}.
 */
export async function encryptBytes(
  plaintext: Uint8Array,
  parameters: EncryptBytesParameters,
): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = []
  const sink = new WritableStream<Uint8Array>({ write: (part) => void parts.push(part) })
  await encryptFile(bytesSource(plaintext), { ...parameters, sink })
  return joinBytes(parts)
}
