import { BaseError } from '../errors/BaseError'
import { shorten } from '../errors/shorten'

/** Base of the torrent domain's errors: a short sentence for a person, the cause attached. */
export class TorrentError extends BaseError {
  override name = 'TorrentError'
}

/** The text given is neither a magnet link, an infohash nor a Keyswarm share link. */
export class InvalidTorrentIdError extends TorrentError {
  override name = 'InvalidTorrentIdError'
  constructor(input: string, options?: { cause?: unknown }) {
    super(`"${shorten(input, 60)}" is not a magnet link, an infohash or a share link.`, options)
  }
}

/** A dropped or picked file that was meant to be a .torrent file is not one. */
export class NotATorrentFileError extends TorrentError {
  override name = 'NotATorrentFileError'
  constructor(fileName: string, options?: { cause?: unknown }) {
    super(`"${fileName}" is not a valid .torrent file.`, options)
  }
}

/** The browser's storage for this site is full: nothing more can be downloaded or seeded. */
export class StorageFullError extends TorrentError {
  override name = 'StorageFullError'
  constructor(options?: { cause?: unknown }) {
    super('The browser storage for this site is full. Remove a torrent from your library to make room.', options)
  }
}

/** This browser cannot be a WebTorrent peer (no WebRTC, or no storage). */
export class UnsupportedBrowserError extends TorrentError {
  override name = 'UnsupportedBrowserError'
  constructor(what: string, options?: { cause?: unknown }) {
    super(`This browser cannot share files peer to peer: ${what}.`, options)
  }
}

/** A torrent stopped with an error from the engine (a failed store, a broken peer protocol...). */
export class TorrentFailedError extends TorrentError {
  override name = 'TorrentFailedError'
  constructor(name: string, options?: { cause?: unknown }) {
    const reason = (options?.cause as { message?: unknown } | undefined)?.message
    super(`The torrent "${name}" stopped${typeof reason === 'string' ? `: ${reason}` : ' with an error'}.`, options)
  }
}

/** No file with that index in the torrent. */
export class FileNotFoundError extends TorrentError {
  override name = 'FileNotFoundError'
  constructor(infoHash: string, fileIndex: number) {
    super(`The torrent ${infoHash} has no file number ${fileIndex}.`)
  }
}

/** Pieces cannot be written from a worker here (a policy forbids workers, or OPFS has no sync access in them). */
export class PieceWorkerUnavailableError extends TorrentError {
  override name = 'PieceWorkerUnavailableError'
  constructor(options: { cause?: unknown } = {}) {
    super('Pieces cannot be written from a worker in this browser.', options)
  }
}
