import { hkdf } from '@noble/hashes/hkdf'
import { sha256 } from '@noble/hashes/sha2'
import { type Hex, bytesToHex, hexToBytes } from 'viem'

/**
 * The key the manifest is encrypted with: HKDF-SHA256(IKM = K, salt = "", info = "manifest", 32).
 * Its own key, so a data file can never pass for the manifest, nor the other way round.
 */
export function manifestKey(key: Hex): Hex {
  return bytesToHex(hkdf(sha256, hexToBytes(key), new Uint8Array(0), new TextEncoder().encode('manifest'), 32))
}
