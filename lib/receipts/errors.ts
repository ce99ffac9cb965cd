/** Base of the receipts domain's errors: a short sentence for a person, the cause attached. */
export class ReceiptsError extends Error {
  override name = 'ReceiptsError'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** A receipt from a peer that pays nothing: it is not kept. */
export class ReceiptRefusedError extends ReceiptsError {
  override name = 'ReceiptRefusedError'
  constructor(purchaseId: bigint, reason: string, options?: { cause?: unknown }) {
    super(`The receipt for purchase #${purchaseId} was refused: ${reason}.`, options)
  }
}
