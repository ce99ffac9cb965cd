import type { Address } from 'viem'
import { pointAddress } from './pointAddress'
import { purchaseKey } from './purchaseKey'
import type { SessionKeyParameters } from './sessionKey'
import type { KeyPair } from './types'

/** Parameters of {@link receiptKey}: the same as the purchase's session key. */
export type ReceiptKeyParameters = SessionKeyParameters

/** A receipt key pair with the address the contract recovers receipts to. */
export type ReceiptKeyPair = KeyPair & { address: Address }

/**
 * The receipt key `(r, R)` of a purchase: `r` = HKDF-SHA256(m, salt = abi.encode(uint256 contentId,
 * uint256 nonce), "receipt", 48 bytes) mod (n-1) + 1, derived apart from the session key `b`.
 * `address(R)` goes into `purchase(...)` as `receiptSigner`; the buyer's tab signs the EIP-712
 * seeding receipts with `r` (no wallet prompt). A dispute reveals `b`, never `r`, so a revealed `b`
 * signs no receipt the contract accepts.
 * @example
 * const { secret: r, address } = receiptKey({ accountSecret: m, contentId, nonce: 0n })
 * await privateKeyToAccount(r).signTypedData(receiptTypedData({ ... }))
 */
export function receiptKey(params: ReceiptKeyParameters): ReceiptKeyPair {
  const pair = purchaseKey({ ...params, info: 'receipt' })
  return { ...pair, address: pointAddress(pair.publicKey) }
}
