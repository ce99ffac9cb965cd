import { BaseError } from '../errors/BaseError'

/** Base of the embed domain's errors: a short sentence for a person, the cause attached. */
export class EmbedError extends BaseError {
  override name = 'EmbedError'
}

/** The embed URL names nothing to play, or names it in a form the player cannot read. */
export class EmbedParamsError extends EmbedError {
  override name = 'EmbedParamsError'
}
