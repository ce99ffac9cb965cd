import { ALIGNED_FORMAT_VERSION, HEADER_SIZE, TAG_SIZE } from './constants'
import type { EncryptedFileHeader } from './types'

/**
 * Where the first chunk of an encrypted file starts: right after the header in version 1, one
 * stride (chunk size + tag) in the piece-aligned version 2, whose header is padded to a stride.
 * @example
 * const at = dataOffset(file.header) + index * (file.header.chunkSize + TAG_SIZE) // chunk `index`
 */
export function dataOffset({ version, chunkSize }: Pick<EncryptedFileHeader, 'version' | 'chunkSize'>): number {
  return version === ALIGNED_FORMAT_VERSION ? chunkSize + TAG_SIZE : HEADER_SIZE
}
