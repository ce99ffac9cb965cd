import { type Hex, decodeErrorResult, formatUnits } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import { mockStablecoinAbi } from './abi/mockStablecoinAbi'

const errorAbi = [...keyswarmAbi, ...mockStablecoinAbi]

type ErrorLike = { data?: unknown; cause?: unknown; name?: string; errorName?: string; args?: readonly unknown[] }

const sentences: Record<string, (args: readonly unknown[]) => string> = {
  KeyswarmUnknownListing: ([id]) => `There is no listing #${id}.`,
  KeyswarmNotCreator: ([id]) => `Only the creator of listing #${id} can change it.`,
  KeyswarmFreeListing: ([id]) => `Listing #${id} is free: there is nothing to buy.`,
  KeyswarmListingInactive: ([id]) => `Listing #${id} is paused by its creator: it cannot be bought now.`,
  KeyswarmInvalidSessionKey: () => 'The purchase key this tab made is not valid; reload and try again.',
  KeyswarmPriceAboveMax: ([price]) =>
    `The price changed to ${formatUnits(price as bigint, 18)} (in the listing's currency) since this page loaded: check it and try again.`,
  KeyswarmWrongPayment: () => 'The amount sent does not match the price.',
  KeyswarmFeeOnTransfer: () => 'This token takes a fee on transfer, which Keyswarm does not accept.',
  KeyswarmUnknownPurchase: ([id]) => `There is no purchase #${id}.`,
  KeyswarmNotDeliverer: ([id]) =>
    `This key is not allowed to deliver purchase #${id}: the creator must authorize it as an agent.`,
  KeyswarmPurchaseClosed: ([id]) => `Purchase #${id} is already closed.`,
  KeyswarmDeliveryTooLate: ([id]) => `The delivery deadline of purchase #${id} has passed.`,
  KeyswarmAlreadyDelivered: ([id]) => `The key of purchase #${id} was already delivered.`,
  KeyswarmEmptySealedKey: () => 'An empty key cannot be delivered.',
  KeyswarmNotBuyer: ([id]) => `Only the buyer of purchase #${id} can do that.`,
  KeyswarmDeliveryPending: ([id]) =>
    `The creator still has time to deliver purchase #${id}: a refund opens after the deadline.`,
  KeyswarmNotDelivered: ([id]) => `Nothing was delivered for purchase #${id} yet.`,
  KeyswarmDisputeWindowClosed: ([id]) => `The dispute window of purchase #${id} has closed.`,
  KeyswarmWrongSessionSecret: ([id]) => `This device does not hold the session key of purchase #${id}.`,
  KeyswarmKeyIsValid: ([id]) => `The key delivered for purchase #${id} is valid: there is nothing to dispute.`,
  KeyswarmNothingToWithdraw: () => 'There is nothing to withdraw.',
  KeyswarmInvalidDeliveryKey: () => 'The listing’s delivery key is not valid.',
  KeyswarmPaidListingWithoutKey: () => 'A paid listing needs a content key.',
  KeyswarmInvalidShare: () => 'The seeder share must be between 0 and 100%.',
  KeyswarmPriceTooLarge: () => 'That price is too large.',
  KeyswarmInvalidInfoHash: () => 'The torrent’s infohash is missing.',
  KeyswarmInvalidSize: () => 'The listing must have a size.',
  KeyswarmTokenNotContract: ([token]) => `The payment token ${token} is not a contract on this chain.`,
  KeyswarmTransferFailed: () => 'A payment transfer failed.',
  ERC20InsufficientAllowance: () => 'The token allowance is too small: approve the price first.',
  ERC20InsufficientBalance: () => 'You do not have enough of this token to pay the price.',
}

/**
 * A sentence for a reverted Keyswarm call: finds the custom error in `error` or its causes
 * (viem's `ContractFunctionRevertedError` decoded, or raw revert data) and says what it means.
 * Undefined when there is no Keyswarm error in the chain.
 */
export function describeContractError(error: unknown): string | undefined {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    const e = current as ErrorLike
    const decoded = e.name === 'ContractFunctionRevertedError' ? (e.data as ErrorLike | undefined) : undefined
    const named = decoded?.errorName ?? decodeData(e.data)
    if (named) {
      const args = decoded?.args ?? decodeArgs(e.data) ?? []
      const sentence = sentences[named]
      return sentence ? sentence(args) : `The contract refused the transaction (${named}).`
    }
    current = e.cause
  }
  return undefined
}

function decodeData(data: unknown): string | undefined {
  if (typeof data === 'object' && data && 'data' in data) return decodeData((data as { data: unknown }).data)
  if (typeof data !== 'string' || !data.startsWith('0x') || data.length < 10) return undefined
  try {
    return decodeErrorResult({ abi: errorAbi, data: data as Hex }).errorName
  } catch {
    return undefined // not one of Keyswarm's errors; the caller falls back to the generic message
  }
}

function decodeArgs(data: unknown): readonly unknown[] | undefined {
  try {
    return decodeErrorResult({ abi: errorAbi, data: data as Hex }).args
  } catch {
    return undefined
  }
}
