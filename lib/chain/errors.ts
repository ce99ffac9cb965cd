import { BaseError } from '../errors/BaseError'
import { shorten } from '../errors/shorten'
import type { TokenUnit } from './tokenUnit'

/** Base of the chain domain's errors: a short sentence for a person, the cause attached. */
export class ChainError extends BaseError {
  override name = 'ChainError'
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

/** The app is on a chain where Keyswarm has no deployment. */
export class NotDeployedError extends ChainError {
  override name = 'NotDeployedError'
  readonly chainId: number
  /** Made by `notDeployedError(chainId)`, which names both chains (this file stays free of the deployments). */
  constructor(chainId: number, { chainName, homeName }: { chainName: string; homeName: string }) {
    super(`Keyswarm is not deployed on ${chainName}; switch to ${homeName} to use it.`)
    this.chainId = chainId
  }
}

/** No listing has this id on this chain. */
export class UnknownListingError extends ChainError {
  override name = 'UnknownListingError'
  constructor(contentId: bigint) {
    super(`There is no listing #${contentId} on this chain.`)
  }
}

/** The wallet has no account connected, so nothing can be signed or sent. */
export class WalletNotConnectedError extends ChainError {
  override name = 'WalletNotConnectedError'
  constructor() {
    super('Connect a wallet first.')
  }
}

/** No injected wallet (MetaMask or similar) is in this browser. */
export class WalletNotInstalledError extends ChainError {
  override name = 'WalletNotInstalledError'
  constructor() {
    super('No wallet was found in this browser: install MetaMask (or another Ethereum wallet) and reload.')
  }
}

/** The listing's price changed between showing it and buying it. */
export class PriceChangedError extends ChainError {
  override name = 'PriceChangedError'
  constructor(options?: { cause?: unknown }) {
    super('The price changed since this page loaded: check the new price and try again.', options)
  }
}

/** A transaction was mined but reverted. */
export class TransactionRevertedError extends ChainError {
  override name = 'TransactionRevertedError'
  constructor(what: string, options?: { cause?: unknown }) {
    super(`The ${what} transaction was reverted on chain.`, options)
  }
}

/** The buyer cannot pay the price (or its gas). */
export class InsufficientFundsError extends ChainError {
  override name = 'InsufficientFundsError'
  constructor(what: string) {
    super(`Your wallet does not hold enough ${what} to pay this price.`)
  }
}

/** A tracker or web seed address browsers cannot use (they reach only ws(s):// trackers and http(s):// web seeds). */
export class InvalidSourceError extends ChainError {
  override name = 'InvalidSourceError'
  constructor(kind: 'tracker' | 'web seed', value: string) {
    super(
      kind === 'tracker'
        ? `"${shorten(value)}" is not a WebSocket tracker: use a ws:// or wss:// address, one per line.`
        : `"${shorten(value)}" is not a web seed: use an http:// or https:// address, one per line.`,
    )
  }
}

/** What is wrong with a typed price (see {@link InvalidPriceError}). */
export type PriceProblem = 'empty' | 'format' | 'negative' | 'zero' | 'decimals'

/** A price typed by a person that is not a positive amount of the token, with what is wrong with it. */
export class InvalidPriceError extends ChainError {
  override name = 'InvalidPriceError'
  readonly problem: PriceProblem
  constructor({ text, unit: { symbol, decimals }, problem }: { text: string; unit: TokenUnit; problem: PriceProblem }) {
    const example = decimals ? '0.02' : '5'
    const quoted = `“${shorten(text, 40)}” is not a price`
    super(
      {
        empty: `Enter a price in ${symbol}, like ${example}.`,
        format: `${quoted}: enter a positive amount of ${symbol}${decimals ? ` with at most ${decimals} decimals, like 0.02` : ', like 5'}.`,
        negative: `${quoted}: a price cannot be negative; enter a positive amount of ${symbol}, like ${example}.`,
        zero: `${quoted}: enter a positive amount of ${symbol}, like ${example}; a paid listing cannot cost nothing.`,
        decimals: decimals
          ? `${quoted}: write ${symbol} with at most ${decimals} decimals, like 0.02.`
          : `${quoted}: ${symbol} has no decimals; write a whole number, like 5.`,
      }[problem],
    )
    this.problem = problem
  }
}

/** A transaction went through but without the event it must emit: the address is not the Keyswarm contract expected. */
export class MissingEventError extends ChainError {
  override name = 'MissingEventError'
  constructor(what: string, event: string) {
    super(
      `The ${what} transaction went through but announced no ${event} event: check that the app uses the right Keyswarm deployment.`,
    )
  }
}

/** A purchase id the chain has no `Purchased` event for. */
export class UnknownPurchaseError extends ChainError {
  override name = 'UnknownPurchaseError'
  constructor(purchaseId: bigint) {
    super(`There is no purchase #${purchaseId} on this chain.`)
  }
}

/**
 * The buyer's tab refused to send a dispute: it reveals the session secret b, so it is sent only
 * once the delivered key is proven wrong locally and while the dispute window is open.
 */
export class DisputeNotSentError extends ChainError {
  override name = 'DisputeNotSentError'
  constructor(purchaseId: bigint, reason: 'the key is right' | 'the window is closed') {
    super(
      reason === 'the key is right'
        ? `The key delivered for purchase #${purchaseId} is right: there is nothing to dispute.`
        : `The dispute window of purchase #${purchaseId} has closed: a dispute can no longer be sent.`,
    )
  }
}

/** Reading the chain's logs failed after the reader split, waited and retried what it could. */
export class LogScanError extends ChainError {
  override name = 'LogScanError'
  constructor(
    readonly fromBlock: bigint,
    /** Undefined when the head itself could not be read. */
    readonly toBlock: bigint | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      `The chain's RPC endpoint is down, too slow, rate-limiting or answering nonsense (${toBlock === undefined ? 'reading its latest block' : `reading blocks ${fromBlock}–${toBlock}`}): try again in a moment.`,
      options,
    )
  }
}

/** An endpoint answered `eth_getLogs` with something that is not a list of the logs asked for. */
export class MalformedLogsError extends ChainError {
  override name = 'MalformedLogsError'
  constructor() {
    super("The chain's RPC endpoint answered with logs that cannot be read.")
  }
}
