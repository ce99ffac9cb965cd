import type { Hex } from 'viem'
import { encryptFile, opaqueName } from '@/lib/crypto'
import type { Progress } from '@/lib/crypto'

/** Parameters of {@link encryptToOpfs}. */
export type EncryptToOpfsParameters = {
  key: Hex
  /** OPFS folder the ciphertext goes into (one per listing). */
  folder: string
  onProgress?: (progress: Progress) => void
}

/**
 * Encrypts one file into the Origin Private File System under its opaque name, streaming
 * (never the whole file in memory), and returns the ciphertext as a `File` to seed from.
 */
export async function encryptToOpfs(file: File, { key, folder, onProgress }: EncryptToOpfsParameters) {
  const root = await navigator.storage.getDirectory()
  const dir = await (
    await root.getDirectoryHandle('keyswarm-publish', { create: true })
  ).getDirectoryHandle(folder, { create: true })
  const fileId =
    `0x${[...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('')}` as Hex
  const handle = await dir.getFileHandle(opaqueName(fileId), { create: true })
  await encryptFile(file, { key, fileId, sink: await handle.createWritable(), onProgress })
  return { fileId, ciphertext: await handle.getFile() }
}
