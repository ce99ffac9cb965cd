import { walk } from './walk'

/** Parameters of {@link BaseError}, as viem's `BaseError` takes them. */
export type BaseErrorParameters = {
  /** What this error was caused by (a lower error, the wallet's refusal...). */
  cause?: unknown
  /** More about what went wrong, for the log rather than the person. */
  details?: string
  /** Lines that say more (which file, which listing), shown after the sentence in `message`. */
  metaMessages?: string[]
}

/**
 * The base of every error Keyswarm throws on purpose, in viem's shape: `shortMessage` is one sentence
 * for the person using the app, `cause` what lies beneath, and `walk(fn)` finds an error in the chain.
 * `message` is the sentence, followed by `metaMessages` and `details` when there are any.
 * A domain declares its own base and errors on top of it (see `lib/crypto/errors.ts`):
 * @example
 * class WrongKeyError extends CryptoError {
 *   override name = 'WrongKeyError'
 *   constructor(options: { cause?: unknown } = {}) {
 *     super('This key does not open this file: it belongs to another listing or file.', options)
 *   }
 * }
 */
export class BaseError extends Error {
  override name = 'BaseError'
  /** One sentence for a person: what went wrong, and what to do about it when there is something. */
  readonly shortMessage: string
  readonly details: string | undefined
  readonly metaMessages: string[] | undefined

  constructor(shortMessage: string, { cause, details, metaMessages }: BaseErrorParameters = {}) {
    const more = [...(metaMessages ?? []), ...(details ? [`Details: ${details}`] : [])]
    super(
      more.length ? [shortMessage, '', ...more].join('\n') : shortMessage,
      cause === undefined ? undefined : { cause },
    )
    this.shortMessage = shortMessage
    this.details = details
    this.metaMessages = metaMessages
  }

  /** The innermost cause of this error (itself when it has none). */
  walk(): unknown
  /** The first error of the chain, this one included, that `fn` accepts; `null` when none does. */
  walk(fn: (error: unknown) => boolean): unknown
  walk(fn?: (error: unknown) => boolean): unknown {
    return walk(this, fn)
  }
}
