import { type DescribeContractErrorParameters, describeContractError } from './chain/describeContractError'
import { walk } from './errors/walk'

/** Parameters of {@link formatError}. */
export type FormatErrorParameters = DescribeContractErrorParameters

/** Messages for EIP-1193 provider error codes, in words a person understands. */
const providerCodes: Record<number, string> = {
  4001: 'You rejected the request in your wallet.',
  4100: 'Your wallet has not allowed this site to use that account.',
  4200: 'Your wallet does not support this request.',
  4900: 'Your wallet is not connected to any chain.',
  4901: 'Your wallet is not connected to the requested chain.',
  4902: 'Your wallet does not know this chain yet.',
}

type ErrorLike = { name?: unknown; message?: unknown; shortMessage?: unknown; code?: unknown }

/**
 * Turns anything thrown (Keyswarm's errors, viem's and wagmi's `BaseError`, a DOMException, a
 * string) into one sentence for a person. Walks the `cause` chain for the two things deeper errors
 * say better than the outer one: a contract revert (`describeContractError`) and a wallet's
 * EIP-1193 refusal. Otherwise the sentence is the outermost error's: its `shortMessage` (viem's and
 * Keyswarm's sentence) or the first paragraph of its `message`.
 *
 * @param parameters.unit The listing's payment token, so a revert's amounts read in it.
 * @example
 * setMessage(formatError(error)) // "You rejected the request in your wallet."
 */
export function formatError(error: unknown, parameters: FormatErrorParameters = {}): string {
  if (typeof error === 'string') return error
  const reverted = describeContractError(error, parameters)
  if (reverted) return reverted
  const refused = walk(error, (e) => providerSentence(e) !== undefined)
  if (refused) return providerSentence(refused)!
  return sentenceOf(walk(error, (e) => sentenceOf(e) !== undefined)) ?? 'Something went wrong.'
}

function providerSentence(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined
  const { code, name } = error as ErrorLike
  if (typeof code === 'number' && providerCodes[code]) return providerCodes[code]
  if (name === 'UserRejectedRequestError') return providerCodes[4001]
  return undefined
}

function sentenceOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined
  const { shortMessage, message } = error as ErrorLike
  const text = typeof shortMessage === 'string' && shortMessage ? shortMessage : message
  // viem appends "Request Arguments:" and version footers after a blank line; a person needs the first part.
  return typeof text === 'string' ? text.split('\n\n')[0]?.trim() || undefined : undefined
}
