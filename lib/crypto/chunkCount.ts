import type { EncryptedFileHeader } from './types'

/** How many chunks a file has: ceil(plaintextLength / chunkSize), and at least one (an empty file has one empty chunk). */
export function chunkCount({
  plaintextLength,
  chunkSize,
}: Pick<EncryptedFileHeader, 'plaintextLength' | 'chunkSize'>): number {
  return Math.max(1, Math.ceil(plaintextLength / chunkSize))
}
