import { type Address, type Hex, concat, keccak256, numberToHex, slice } from 'viem'
import type { Point } from './types'

/**
 * The Ethereum address of a point: the last 20 bytes of keccak256 of its 64-byte uncompressed
 * encoding without the 0x04 prefix (`x || y`, 32 bytes each, big-endian). Lowercase hex.
 */
export function pointAddress(point: Point): Address {
  const encoded: Hex = concat([numberToHex(point.x, { size: 32 }), numberToHex(point.y, { size: 32 })])
  return slice(keccak256(encoded), 12)
}
