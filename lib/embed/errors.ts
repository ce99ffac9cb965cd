/** Base of the embed domain's errors: a short sentence for a person, the cause attached. */
export class EmbedError extends Error {
  override name = 'EmbedError'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** The embed URL names nothing to play, or names it in a form the player cannot read. */
export class EmbedParamsError extends EmbedError {
  override name = 'EmbedParamsError'
}
