/**
 * The embed's postMessage protocol (docs/embed.md). Every message, both ways, is a plain object
 * `{ source: 'keyswarm', type, ...fields }`; anything else on the channel is not ours and is ignored.
 * `public/embed.js` speaks the same protocol by hand (it ships without a build step).
 */
export const EMBED_SOURCE = 'keyswarm'

/** Commands a host page sends to the player frame. */
export type EmbedCommand =
  | { type: 'play' }
  | { type: 'pause' }
  /** Seconds from the start; clamped to the duration. */
  | { type: 'seek'; time: number }
  /** 0 (silent) to 1 (full). */
  | { type: 'setVolume'; volume: number }
  /** `muted` defaults to true. */
  | { type: 'setMuted'; muted?: boolean }
  /** Answered with a `state` message carrying the same `requestId`. */
  | { type: 'getState'; requestId?: string | number }

/** Where the player is: what the frame shows right now. */
export type EmbedPhase = 'loading' | 'locked' | 'unlocking' | 'playable' | 'error'

/** A snapshot of the player, as `getState` answers it and `ready` carries it. */
export type EmbedState = {
  phase: EmbedPhase
  /** Seconds. */
  currentTime: number
  /** Seconds; null while unknown. */
  duration: number | null
  paused: boolean
  ended: boolean
  muted: boolean
  volume: number
  /** The listing shown, as a decimal string (uint256 does not fit a JS number). */
  contentId?: string
  /** Bytes of the torrent here, its total, and connected peers. */
  downloaded: number
  total: number
  peers: number
  /** The last error sentence, if any. */
  error?: string
}

/** Events the player frame sends to its host page. */
export type EmbedEvent =
  | { type: 'ready'; state: EmbedState }
  | { type: 'play'; currentTime: number }
  | { type: 'pause'; currentTime: number }
  | { type: 'timeupdate'; currentTime: number; duration: number | null }
  | { type: 'ended' }
  | { type: 'error'; message: string; command?: EmbedCommand['type'] }
  | { type: 'unlocked'; contentId: string }
  | { type: 'progress'; downloaded: number; total: number; peers: number }
  | { type: 'state'; requestId?: string | number; state: EmbedState }

/** A message as it travels: namespaced. */
export type EmbedMessage<T extends { type: string }> = T & { source: typeof EMBED_SOURCE }
