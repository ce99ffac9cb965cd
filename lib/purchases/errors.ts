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

/** The listing names another size than its torrent's ciphertext: buying it would shortchange its seeders. */
export class ListingSizeMismatchError extends PurchaseError {
  override name = 'ListingSizeMismatchError'
  constructor(
    readonly listed: bigint,
    readonly actual: number,
  ) {
    super(
      `This listing says its file is ${listed} bytes but its torrent holds ${actual}: a listing that overstates its size underpays the people who seed it, so it cannot be bought.`,
    )
  }
}
