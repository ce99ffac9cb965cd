/** Base of the chain domain's errors: a short sentence for a person, the cause attached. */
export class ChainError extends Error {
  override name = 'ChainError'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** An EIP-1193 provider error (https://eips.ethereum.org/EIPS/eip-1193#provider-errors). */
export class ProviderRpcError extends ChainError {
  override name = 'ProviderRpcError'
  readonly code: number
  constructor(code: number, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}
