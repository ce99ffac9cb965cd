import { type ContractErrorArgs, type ContractErrorName, type Hex, decodeErrorResult, formatUnits } from 'viem'
import { walk } from '../errors/walk'
import { keyswarmAbi } from './abi/keyswarmAbi'
import { mockStablecoinAbi } from './abi/mockStablecoinAbi'
import type { TokenUnit } from './tokenUnit'

/** Parameters of {@link describeContractError}: what the sentence may need beyond the revert itself. */
export type DescribeContractErrorParameters = {
  /** The unit of the listing's payment token, so amounts read in it ("5 mUSD"); without it, amounts are left out. */
  unit?: TokenUnit
}

/** A sentence for each error of `abi`, from its decoded arguments. */
type Sentences<abi extends readonly unknown[]> = {
  [name in ContractErrorName<abi>]: (
    args: ContractErrorArgs<abi, name>,
    parameters: DescribeContractErrorParameters,
  ) => string
}

// Complete: a Keyswarm error added to or renamed in the contract fails `tsc` here until it has its sentence.
const keyswarmSentences = {
  KeyswarmUnknownListing: ([id]) => `There is no listing #${id}.`,
  KeyswarmNotCreator: ([id]) => `Only the creator of listing #${id} can change it.`,
  KeyswarmFreeListing: ([id]) => `Listing #${id} is free: there is nothing to buy.`,
  KeyswarmListingInactive: ([id]) => `Listing #${id} is paused by its creator: it cannot be bought now.`,
  KeyswarmInvalidSessionKey: () => 'The purchase key this tab made is not valid; reload and try again.',
  KeyswarmPriceAboveMax: ([price], { unit }) =>
    unit
      ? `The price changed to ${formatUnits(price, unit.decimals)} ${unit.symbol} since this page loaded: check it and try again.`
      : 'The price changed since this page loaded: check the new price and try again.',
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
  KeyswarmInvalidWindows: () => 'The delivery and dispute windows of this deployment are not valid.',
  KeyswarmLengthMismatch: ([ids, keys]) => `${ids} purchases were given ${keys} keys: each needs exactly one.`,
  KeyswarmNotBuyerOrSealedKey: ([id]) =>
    `Only the buyer of purchase #${id} can dispute it, and only with the key that was delivered.`,
  KeyswarmNotSettleable: ([id]) =>
    `Purchase #${id} cannot be settled yet: its key must be delivered and its dispute window over.`,
  KeyswarmInvalidReceipt: ([id, seeder]) =>
    `The receipt of seeder ${seeder} for purchase #${id} is not signed by the buyer's receipt key.`,
  KeyswarmInvalidReceiptSigner: ([signer]) =>
    `${signer} cannot be a purchase's receipt signer: it must be a receipt key's address, not zero or the session key's.`,
  KeyswarmNotSeeder: ([id, seeder, caller]) =>
    `Only seeder ${seeder} or an agent it set can claim its share of purchase #${id}, not ${caller}.`,
  KeyswarmClaimWindowClosed: ([id]) => `The time to claim a seeding share of purchase #${id} is over.`,
  KeyswarmClaimWindowOpen: ([id]) =>
    `Seeders can still claim their share of purchase #${id}: sweep it after the claim window.`,
  KeyswarmNothingToSweep: ([id]) => `Nothing of purchase #${id} is left to sweep.`,
  SafeERC20FailedOperation: ([token]) => `The payment token ${token} refused the transfer.`,
  ReentrancyGuardReentrantCall: () => 'The contract refused a call made from inside one of its own calls.',
  InvalidShortString: () => 'A text given to the contract is not valid.',
  StringTooLong: () => 'A text given to the contract is too long.',
} satisfies Sentences<typeof keyswarmAbi>

// The payment token's own reverts (OpenZeppelin's IERC6093 errors, as the deployed stablecoin throws them):
// only those a buyer can cause; the others are named as they are.
const tokenSentences = {
  ERC20InsufficientAllowance: () => 'The token allowance is too small: approve the price first.',
  ERC20InsufficientBalance: () => 'You do not have enough of this token to pay the price.',
} satisfies Partial<Sentences<typeof mockStablecoinAbi>>

const errorAbi = [...keyswarmAbi, ...mockStablecoinAbi]
const sentences: Partial<
  Record<string, (args: readonly unknown[], parameters: DescribeContractErrorParameters) => string>
> = { ...keyswarmSentences, ...tokenSentences } as never

type Decoded = { errorName: string; args: readonly unknown[] }

/**
 * A sentence for a reverted Keyswarm call: finds the custom error in `error` or its causes
 * (viem's `ContractFunctionRevertedError` decoded, or raw revert data) and says what it means.
 * Undefined when there is no contract error in the chain.
 * @example
 * describeContractError(error, { unit: { symbol: 'mUSD', decimals: 6 } }) // "The price changed to 5 mUSD since…"
 */
export function describeContractError(
  error: unknown,
  parameters: DescribeContractErrorParameters = {},
): string | undefined {
  let decoded: Decoded | undefined
  walk(error, (e) => !!(decoded = decode(e)))
  if (!decoded) return undefined
  const sentence = sentences[decoded.errorName]
  return sentence ? sentence(decoded.args, parameters) : `The contract refused the transaction (${decoded.errorName}).`
}

function decode(error: unknown): Decoded | undefined {
  if (!error || typeof error !== 'object') return undefined
  const { name, data } = error as { name?: unknown; data?: unknown }
  if (name === 'ContractFunctionRevertedError') {
    const { errorName, args } = (data ?? {}) as Partial<Decoded>
    if (errorName) return { errorName, args: args ?? [] }
  }
  return decodeData(data)
}

function decodeData(data: unknown): Decoded | undefined {
  if (typeof data === 'object' && data && 'data' in data) return decodeData((data as { data: unknown }).data)
  if (typeof data !== 'string' || !data.startsWith('0x') || data.length < 10) return undefined
  try {
    const { errorName, args } = decodeErrorResult({ abi: errorAbi, data: data as Hex })
    return { errorName, args: args ?? [] }
  } catch {
    return undefined // not one of Keyswarm's or the token's errors; the caller falls back to the generic message
  }
}
