import { isAddressEqual } from 'viem'
import { type ReceiptsConfig, receiptsSlot } from './receiptsSlot'

export type { ReceiptSigner, ReceiptsConfig } from './receiptsSlot'

/**
 * Sets what the tab's receipts extension does: the payout address seeders announce, how a buyer
 * finds its receipt signer, where received receipts go. A new payout address is told to every
 * open wire at once; the rest applies from the next message.
 *
 * @example
 * configureReceipts({ payee: account.address })
 */
export function configureReceipts(changes: Partial<ReceiptsConfig>): void {
  const before = receiptsSlot.config.payee
  receiptsSlot.config = { ...receiptsSlot.config, ...changes }
  const after = receiptsSlot.config.payee
  if (after && !(before && isAddressEqual(before, after))) {
    for (const wire of receiptsSlot.wires) wire.announce(after)
  }
}
