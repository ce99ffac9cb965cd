import { BaseError } from '../errors/BaseError'

/**
 * Errors of lib/crypto. Each one says in a short sentence what went wrong for the person using the
 * app (`shortMessage`), and carries the underlying `cause` (if any) for the log. UI code shows
 * `formatError(error)`.
 */

/** Base class of every error lib/crypto throws on purpose. */
export class CryptoError extends BaseError {
  override name = 'CryptoError'
}

/** The key does not open this file or manifest (it belongs to another listing or file). */
export class WrongKeyError extends CryptoError {
  override name = 'WrongKeyError'
  constructor(options: { cause?: unknown } = {}) {
    super('This key does not open this file: it belongs to another listing or file.', options)
  }
}

/** One chunk failed authentication: its bytes were damaged or altered, or it sits in the wrong place. */
export class CorruptedChunkError extends CryptoError {
  override name = 'CorruptedChunkError'
  /** Zero-based index of the chunk that failed. */
  readonly index: number
  constructor({ index, cause }: { index: number; cause?: unknown }) {
    super(`Part ${index} of this file is damaged or was altered, so it cannot be decrypted.`, { cause })
    this.index = index
  }
}

/** The header of an encrypted file was damaged or altered. */
export class CorruptedHeaderError extends CryptoError {
  override name = 'CorruptedHeaderError'
  constructor(options: { cause?: unknown } = {}) {
    super('The header of this file is damaged or was altered, so it cannot be decrypted.', options)
  }
}

/** The ciphertext is shorter than its header says: the file was cut off. */
export class TruncatedFileError extends CryptoError {
  override name = 'TruncatedFileError'
  constructor({ expected, actual, cause }: { expected: number; actual: number; cause?: unknown }) {
    super(`This file is incomplete: it has ${actual} of its ${expected} bytes.`, { cause })
  }
}

/** The ciphertext is longer than its header says: something was appended to it. */
export class TrailingDataError extends CryptoError {
  override name = 'TrailingDataError'
  constructor({ expected, actual, cause }: { expected: number; actual: number; cause?: unknown }) {
    super(`This file has ${actual - expected} unexpected bytes after its end, so it was altered.`, { cause })
  }
}

/** The file was written by a newer (or unknown) version of the format. */
export class UnknownVersionError extends CryptoError {
  override name = 'UnknownVersionError'
  readonly version: number
  constructor({ version, cause }: { version: number; cause?: unknown }) {
    super(`This file uses format version ${version}, which this version of Keyswarm cannot read. Update the app.`, {
      cause,
    })
    this.version = version
  }
}

/** The bytes do not start with the Keyswarm magic: not an encrypted Keyswarm file at all. */
export class NotEncryptedFileError extends CryptoError {
  override name = 'NotEncryptedFileError'
  constructor(options: { cause?: unknown } = {}) {
    super('This is not a Keyswarm encrypted file.', options)
  }
}

/** A file's header names another file than the manifest expects (files swapped in the torrent). */
export class FileMismatchError extends CryptoError {
  override name = 'FileMismatchError'
  constructor({ expected, actual, cause }: { expected: string; actual: string; cause?: unknown }) {
    super(`This torrent holds file ${actual} where file ${expected} was expected, so it was altered.`, { cause })
  }
}

/** The manifest decrypted but does not describe files the way the format requires. */
export class InvalidManifestError extends CryptoError {
  override name = 'InvalidManifestError'
  constructor({ reason, cause }: { reason: string; cause?: unknown }) {
    super(`The list of files in this torrent is invalid: ${reason}.`, { cause })
  }
}

/** A parameter is out of its allowed range (a programming error rather than bad data). */
export class InvalidParameterError extends CryptoError {
  override name = 'InvalidParameterError'
  constructor({ reason, cause }: { reason: string; cause?: unknown }) {
    super(`Invalid parameter: ${reason}.`, { cause })
  }
}

/** A public key is not a point on secp256k1. */
export class InvalidPointError extends CryptoError {
  override name = 'InvalidPointError'
  constructor(options: { cause?: unknown } = {}) {
    super('This public key is not a valid point on the secp256k1 curve.', options)
  }
}
