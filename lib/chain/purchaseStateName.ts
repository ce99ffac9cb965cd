/**
 * A purchase's state as the contract's `purchaseState` reports it, by name: `pending` (paid, no key
 * yet), `expired` (no key before the deadline: refundable), `delivered` (key delivered, dispute
 * window open), `refunded`, `disputed`, `settled` (final, whether or not `settle` ran yet).
 */
export type PurchaseStateName = 'none' | 'pending' | 'expired' | 'delivered' | 'refunded' | 'disputed' | 'settled'

const names: readonly PurchaseStateName[] = [
  'none',
  'pending',
  'expired',
  'delivered',
  'refunded',
  'disputed',
  'settled',
]

/** The name of the contract's `PurchaseState` enum value `value`. */
export function purchaseStateName(value: number): PurchaseStateName {
  const name = names[value]
  if (!name) throw new RangeError(`${value} is not a Keyswarm purchase state.`)
  return name
}
