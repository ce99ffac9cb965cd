import { type Hex, size } from 'viem'
import { InvalidParameterError } from './errors'

/**
 * The name under which the torrent stores an encrypted file: its random 16-byte file id as 32
 * lowercase hex digits. It tells the swarm nothing about the file, and binds the name to the
 * header so a swapped file is caught. (The manifest itself is stored as {@link MANIFEST_NAME}.)
 * @example
 * opaqueName('0x000102030405060708090a0b0c0d0e0f') // '000102030405060708090a0b0c0d0e0f'
 */
export function opaqueName(fileId: Hex): string {
  if (size(fileId) !== 16) throw new InvalidParameterError({ reason: 'a file id must be 16 bytes' })
  return fileId.slice(2).toLowerCase()
}
