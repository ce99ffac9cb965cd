import type { Address, Hex } from 'viem'
import type { OwedRecord } from './owedBytes'
import type { ReceiptMessage } from './receiptsProtocol'

/** Where a buyer's tab keeps one purchase's owed bytes between page loads. */
export type ReceiptLedger = {
  load(): Promise<OwedRecord | undefined>
  save(record: OwedRecord): Promise<void>
}

/** A buyer's way to sign receipts for one purchase, without a wallet prompt. */
export type ReceiptSigner = {
  chainId: number
  purchaseId: bigint
  /** Signs EIP-712 `Receipt(purchaseId, seeder, bytes)` with the purchase's receipt key. */
  sign(params: { seeder: Address; bytes: bigint }): Promise<Hex>
  /** Keeps the bytes each seeder served this purchase across reloads; without one they start at 0 on each load. */
  ledger?: ReceiptLedger
}

/** What the receipts extension needs from the app; set with `configureReceipts`. */
export type ReceiptsConfig = {
  /** Off: no extension on new wires (the bench's baseline). */
  enabled: boolean
  /** Where this tab is paid for what it seeds: the connected wallet, or none. */
  payee?: Address
  /** The receipt signer of the purchase this tab holds for a torrent, if any. */
  signerFor?(infoHash: string): Promise<ReceiptSigner | undefined>
  /** A peer sent a receipt naming this tab's payee (not yet checked: the app verifies and keeps it). */
  onReceipt?(receipt: ReceiptMessage, context: { infoHash: string }): Promise<void>
  /** Verified bytes from one seeder between two receipts. */
  interval: number
}

/** One open wire's side of the extension, as the tab's other parts reach it. */
export type ReceiptsWire = {
  /** Tells the peer this tab's new payout address. */
  announce(payee: Address): void
}

/** The receipts extension's state in this tab (internal to lib/torrent: use `configureReceipts`). */
export const receiptsSlot: { config: ReceiptsConfig; wires: Set<ReceiptsWire> } = {
  // `localStorage['keyswarm:receipts'] = 'off'` leaves the extension out of this tab's wires: the
  // baseline of the receipts benchmark, and a way to rule the extension out when a swarm misbehaves.
  config: { enabled: !receiptsTurnedOff(), interval: 4 * 1024 * 1024 },
  wires: new Set(),
}

function receiptsTurnedOff(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem('keyswarm:receipts') === 'off'
  } catch {
    // Storage refused (a sandboxed frame): receipts stay on.
    return false
  }
}
