import { BaseError } from '../errors/BaseError'
import { shorten } from '../errors/shorten'

/** Base of the publishing domain's errors: a short sentence for a person, the cause attached. */
export class PublishError extends BaseError {
  override name = 'PublishError'
}

/** The file picked as a cover is not an image the browser can read. */
export class NotAnImageError extends PublishError {
  override name = 'NotAnImageError'
  constructor(fileName: string, options?: { cause?: unknown }) {
    super(`"${shorten(fileName)}" is not an image this browser can read: pick a JPEG, PNG, WebP or GIF cover.`, options)
  }
}

/** Another device of the same creator kept listing with the salts this one picked. */
export class SaltRaceError extends PublishError {
  override name = 'SaltRaceError'
  constructor() {
    super('Another device of yours published at the same moment, several times over: try again in a minute.')
  }
}
