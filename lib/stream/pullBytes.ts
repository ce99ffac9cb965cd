import { LEGACY_CHUNK_BYTES } from './protocol'

/** Credit in bytes of a `pull`, from a worker of this version or of the earlier one. */
export function pullBytes(message: { bytes?: number; count?: number }): number {
  return message.bytes ?? (message.count ?? 0) * LEGACY_CHUNK_BYTES
}
