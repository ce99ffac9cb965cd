import { BaseError } from '../errors/BaseError'

/** Base of the publishing domain's errors: a short sentence for a person, the cause attached. */
export class PublishError extends BaseError {
  override name = 'PublishError'
}

/** An extra tracker is not a WebSocket URL (browsers can only reach `ws://` and `wss://` trackers). */
export class InvalidTrackerError extends PublishError {
  override name = 'InvalidTrackerError'
  constructor(value: string, options?: { cause?: unknown }) {
    super(`"${shorten(value)}" is not a WebSocket tracker: use a ws:// or wss:// address, one per line.`, options)
  }
}

/** A web seed is not an HTTP(S) URL. */
export class InvalidWebSeedError extends PublishError {
  override name = 'InvalidWebSeedError'
  constructor(value: string, options?: { cause?: unknown }) {
    super(`"${shorten(value)}" is not a web seed: use an http:// or https:// address, one per line.`, options)
  }
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

function shorten(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value
}
