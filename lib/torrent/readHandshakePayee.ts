import { type Address, bytesToHex, getAddress, isAddress } from 'viem'
import { PAYEE_HANDSHAKE_KEY } from './receiptsProtocol'

/** The payout address in a peer's extended handshake, or undefined when it names none or a malformed one. */
export function readHandshakePayee(handshake: unknown): Address | undefined {
  if (!handshake || typeof handshake !== 'object') return undefined
  const value = (handshake as Record<string, unknown>)[PAYEE_HANDSHAKE_KEY]
  if (!(value instanceof Uint8Array) || value.length !== 20) return undefined
  const hex = bytesToHex(value)
  return isAddress(hex) ? getAddress(hex) : undefined
}
