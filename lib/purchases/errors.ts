import { BaseError } from '../errors/BaseError'

/** Base of the purchases domain's errors: a short sentence for a person, the cause attached. */
export class PurchaseError extends BaseError {
  override name = 'PurchaseError'
}

/** The creator delivered a key that does not match the listing's keyHash. */
export class WrongKeyDeliveredError extends PurchaseError {
  override name = 'WrongKeyDeliveredError'
  constructor(
    readonly purchaseId: bigint,
    options?: { cause?: unknown },
  ) {
    super(`The key delivered for purchase #${purchaseId} is wrong: it does not match the listing.`, options)
  }
}

/** The delivery deadline passed with no key. */
export class DeliveryTimedOutError extends PurchaseError {
  override name = 'DeliveryTimedOutError'
  constructor(readonly purchaseId: bigint) {
    super(`The creator did not deliver the key of purchase #${purchaseId} in time: you can take a refund.`)
  }
}

/** A wrong key was delivered and this tab disputed it on chain: the buyer got the payment back. */
export class KeyDisputedError extends PurchaseError {
  override name = 'KeyDisputedError'
  constructor(
    readonly purchaseId: bigint,
    options?: { cause?: unknown },
  ) {
    super(
      `The creator delivered a wrong key for purchase #${purchaseId}: this tab proved it on chain and your payment was refunded in full.`,
      options,
    )
  }
}
