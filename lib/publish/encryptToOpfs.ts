import type { Hex } from 'viem'
import { ALIGNED_FORMAT_VERSION, TAG_SIZE, encryptFile, opaqueName } from '@/lib/crypto'
import type { Progress } from '@/lib/crypto'

/** Parameters of {@link encryptToOpfs}. */
export type EncryptToOpfsParameters = {
  key: Hex
  /** OPFS folder the ciphertext goes into (one per listing). */
  folder: string
  onProgress?: (progress: Progress) => void
  /** Format version 2 for this piece length: chunks of `pieceLength - TAG_SIZE`, each filling one piece. */
  pieceLength?: number
}

/**
 * Encrypts one file into the Origin Private File System under its opaque name, streaming
 * (never the whole file in memory), and returns the ciphertext as a `File` to seed from.
 */
export async function encryptToOpfs(file: File, { key, folder, onProgress, pieceLength }: EncryptToOpfsParameters) {
  const root = await navigator.storage.getDirectory()
  const dir = await (
    await root.getDirectoryHandle('keyswarm-publish', { create: true })
  ).getDirectoryHandle(folder, { create: true })
  const fileId =
    `0x${[...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('')}` as Hex
  const handle = await dir.getFileHandle(opaqueName(fileId), { create: true })
  const aligned = pieceLength ? ({ chunkSize: pieceLength - TAG_SIZE, version: ALIGNED_FORMAT_VERSION } as const) : {}
  await encryptFile(file, { key, fileId, sink: await handle.createWritable(), onProgress, ...aligned })
  return { fileId, ciphertext: await handle.getFile() }
}
