import { type Hex, bytesToHex, hexToBytes, size } from 'viem'
import { InvalidParameterError } from './errors'

/** XORs two 32-byte values (a content key and a sealing pad). */
export function xorKey(a: Hex, b: Hex): Hex {
  if (size(a) !== 32 || size(b) !== 32) throw new InvalidParameterError({ reason: 'keys and pads are 32 bytes' })
  const x = hexToBytes(a)
  const y = hexToBytes(b)
  for (let i = 0; i < 32; i++) x[i] = x[i]! ^ y[i]!
  return bytesToHex(x)
}
