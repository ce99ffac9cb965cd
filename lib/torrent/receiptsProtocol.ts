import type { Address, Hex } from 'viem'

/** The BEP 10 name of Keyswarm's receipts extension, as peers see it in the extended handshake's `m`. */
export const RECEIPTS_EXTENSION = 'ks_receipts'

/** The extended handshake key that carries a seeder's payout address (20 raw bytes). */
export const PAYEE_HANDSHAKE_KEY = 'ks_payee'

/** A seeder telling its peer where it is paid now (its wallet changed since the handshake). */
export type PayeeMessage = { type: 'payee'; payee: Address }

/** A buyer's signed, cumulative acknowledgement of the verified bytes one seeder gave it. */
export type ReceiptMessage = {
  type: 'receipt'
  chainId: number
  purchaseId: bigint
  seeder: Address
  bytes: bigint
  /** 65-byte EIP-712 signature by the purchase's receipt key. */
  signature: Hex
}

/** One message of the receipts extension. */
export type ReceiptsMessage = PayeeMessage | ReceiptMessage

/** Type byte of a payee message. */
export const PAYEE = 1
/** Type byte of a receipt message. */
export const RECEIPT = 2
/** Length of a payee message. */
export const PAYEE_LENGTH = 1 + 20
/** Length of a receipt message: type, chain id (u64), purchase id (u256), seeder (20), bytes (u64), signature (65). */
export const RECEIPT_LENGTH = 1 + 8 + 32 + 20 + 8 + 65
/** The largest uint64. */
export const MAX_U64 = (1n << 64n) - 1n
