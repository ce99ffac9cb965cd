import { type PlaybackKeys, createPlaybackKeys } from './createPlaybackKeys'

let keys: PlaybackKeys | undefined

/**
 * The tab's one registry of playback keys, shared by the stream responder (which reads it) and
 * `openPlayableFiles` (which holds and releases its entries). Kept in memory only: lib/library
 * and lib/keystore persist keys.
 */
export function playbackKeys(): PlaybackKeys {
  keys ??= createPlaybackKeys()
  return keys
}
