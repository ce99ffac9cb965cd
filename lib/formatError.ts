import { describeContractError } from './chain/describeContractError'

/** Messages for EIP-1193 provider error codes, in words a person understands. */
const providerCodes: Record<number, string> = {
  4001: 'You rejected the request in your wallet.',
  4100: 'Your wallet has not allowed this site to use that account.',
  4200: 'Your wallet does not support this request.',
  4900: 'Your wallet is not connected to any chain.',
  4901: 'Your wallet is not connected to the requested chain.',
  4902: 'Your wallet does not know this chain yet.',
}

type ErrorLike = { name?: string; message?: string; shortMessage?: string; code?: unknown; cause?: unknown }

/**
 * Turns any error into one sentence for a person: walks the `cause` chain (viem's `BaseError`
 * included) and prefers the most specific human message it finds, falling back to the outermost.
 *
 * @example
 * setMessage(formatError(error)) // "You rejected the request in your wallet."
 */
export function formatError(error: unknown): string {
  const reverted = describeContractError(error)
  if (reverted) return reverted
  const seen = new Set<unknown>()
  let current: unknown = error
  let best: string | undefined
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    const e = current as ErrorLike
    if (typeof e.code === 'number' && providerCodes[e.code]) return providerCodes[e.code]!
    if (e.name === 'UserRejectedRequestError') return providerCodes[4001]!
    best ??= e.shortMessage ?? e.message
    current = e.cause
  }
  if (typeof error === 'string') return error
  return firstSentence(best) ?? 'Something went wrong.'
}

function firstSentence(message: string | undefined): string | undefined {
  // viem appends "Request Arguments:" and version footers after a blank line; a person needs the first part.
  return message?.split('\n\n')[0]?.trim() || undefined
}
