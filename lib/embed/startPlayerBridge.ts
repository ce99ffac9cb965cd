import {
  EMBED_SOURCE,
  type EmbedCommand,
  type EmbedEvent,
  type EmbedMessage,
  type EmbedPhase,
  type EmbedState,
} from './protocol'

/** The window the player runs in: its own messages arrive there, its host is `parent`. */
export type BridgeWindow = Pick<Window, 'parent' | 'addEventListener' | 'removeEventListener'>

/** Parameters of {@link startPlayerBridge}. */
export type StartPlayerBridgeParameters = {
  /** The only host origin to take commands from and send events to; any parent when omitted. */
  origin?: string
  /** Shortest gap between two `timeupdate` events (default 250 ms: ~4 a second). */
  timeupdateMs?: number
}

/** What the player page drives the bridge with. */
export type PlayerBridge = {
  /** The media element commands act on and whose events reach the host; undefined detaches it. */
  attach: (media: HTMLMediaElement | undefined) => void
  /** Tells the host the frame listens (call once the page is up). */
  ready: () => void
  setPhase: (phase: EmbedPhase) => void
  setContentId: (contentId: bigint) => void
  /** Reports the torrent's bytes and peers; sent on only when something changed. */
  setProgress: (progress: { downloaded: number; total: number; peers: number }) => void
  /** Reports an error sentence shown in the frame (the same one twice in a row is sent once). */
  error: (message: string) => void
  /** The host learns that the viewer unlocked the listing (never the key itself). */
  unlocked: (contentId: bigint) => void
  state: () => EmbedState
  stop: () => void
}

type Pending = { play?: boolean; seek?: number; volume?: number; muted?: boolean }

/**
 * Connects the player in this frame to the page that embeds it over postMessage: commands from
 * the parent window (and only from `origin` when given) drive the media element, and its events
 * go back to the parent. Commands that arrive before there is anything to play wait for it.
 *
 * Why answering any parent is safe by default: the events say nothing secret (playback state and
 * a public listing number, never a key), and the commands do only what the viewer's own controls
 * do; buying always takes the viewer's click in the frame and a confirmation in their wallet.
 */
export function startPlayerBridge(
  win: BridgeWindow,
  { origin, timeupdateMs = 250 }: StartPlayerBridgeParameters = {},
): PlayerBridge {
  const parent = win.parent
  // A page opened on its own is its own parent: there is nobody to talk to.
  const embedded = parent !== (win as unknown)
  let media: HTMLMediaElement | undefined
  let phase: EmbedPhase = 'loading'
  let contentId: string | undefined
  let progress = { downloaded: 0, total: 0, peers: 0 }
  let lastError: string | undefined
  let lastTimeupdate = -Infinity
  let pending: Pending = {}

  const post = (event: EmbedEvent) => {
    if (!embedded) return
    parent.postMessage({ source: EMBED_SOURCE, ...event } satisfies EmbedMessage<EmbedEvent>, origin ?? '*')
  }
  const finite = (value: number) => (Number.isFinite(value) ? value : null)

  const state = (): EmbedState => ({
    phase,
    currentTime: media?.currentTime ?? pending.seek ?? 0,
    duration: media ? finite(media.duration) : null,
    paused: media ? media.paused : !pending.play,
    ended: media?.ended ?? false,
    muted: media?.muted ?? pending.muted ?? false,
    volume: media?.volume ?? pending.volume ?? 1,
    contentId,
    ...progress,
    error: lastError,
  })

  const error = (message: string, command?: EmbedCommand['type']) => {
    if (message === lastError && !command) return
    lastError = message
    post({ type: 'error', message, command })
  }

  const play = (target: HTMLMediaElement) =>
    target.play().catch((cause: unknown) => {
      // Autoplay policy: a frame without the host's `allow="autoplay"` or a user gesture may not start sound.
      const blocked = cause instanceof DOMException && cause.name === 'NotAllowedError'
      if (blocked)
        error('The browser blocked playback with sound until the viewer clicks the player (or it is muted).', 'play')
      // Loading another source interrupts a pending play(): that is not the viewer's problem.
      else if (!(cause instanceof DOMException && cause.name === 'AbortError'))
        error(`Playback did not start: ${cause instanceof Error ? cause.message : String(cause)}`, 'play')
    })

  const seek = (target: HTMLMediaElement, time: number) => {
    const end = Number.isFinite(target.duration) ? target.duration : time
    target.currentTime = Math.max(0, Math.min(time, end))
  }

  const run = (command: EmbedCommand) => {
    switch (command.type) {
      case 'play':
        if (media) void play(media)
        else pending.play = true
        return
      case 'pause':
        if (media) media.pause()
        pending.play = false
        return
      case 'seek':
        if (typeof command.time !== 'number' || !Number.isFinite(command.time) || command.time < 0)
          return error('seek needs a time: a number of seconds from the start, 0 or more.', 'seek')
        if (media && media.readyState >= 1) seek(media, command.time)
        else pending.seek = command.time
        return
      case 'setVolume':
        if (typeof command.volume !== 'number' || !(command.volume >= 0 && command.volume <= 1))
          return error('setVolume needs a volume between 0 (silent) and 1 (full).', 'setVolume')
        if (media) media.volume = command.volume
        else pending.volume = command.volume
        return
      case 'setMuted': {
        const muted = command.muted ?? true
        if (media) media.muted = muted
        else pending.muted = muted
        return
      }
      case 'getState':
        post({ type: 'state', requestId: command.requestId, state: state() })
        return
    }
  }

  const onMessage = (event: MessageEvent) => {
    if (!embedded || event.source !== parent) return
    if (origin && event.origin !== origin) return
    const data: unknown = event.data
    if (!data || typeof data !== 'object') return
    const message = data as { source?: unknown; type?: unknown }
    if (message.source !== EMBED_SOURCE) return
    if (!isCommand(message.type)) return error(`The player has no command "${String(message.type).slice(0, 30)}".`)
    run(message as EmbedCommand)
  }
  win.addEventListener('message', onMessage as EventListener)

  const mediaListeners: Record<string, (event: Event) => void> = {
    play: () => post({ type: 'play', currentTime: media?.currentTime ?? 0 }),
    pause: () => post({ type: 'pause', currentTime: media?.currentTime ?? 0 }),
    ended: () => post({ type: 'ended' }),
    timeupdate: () => {
      const now = Date.now()
      if (!media || now - lastTimeupdate < timeupdateMs) return
      lastTimeupdate = now
      post({ type: 'timeupdate', currentTime: media.currentTime, duration: finite(media.duration) })
    },
    loadedmetadata: () => {
      if (media && pending.seek !== undefined) seek(media, pending.seek)
      pending.seek = undefined
    },
  }

  const attach = (next: HTMLMediaElement | undefined) => {
    if (next === media) return
    if (media) for (const [name, listener] of Object.entries(mediaListeners)) media.removeEventListener(name, listener)
    media = next
    if (!media) return
    for (const [name, listener] of Object.entries(mediaListeners)) media.addEventListener(name, listener)
    const { play: wantsPlay, seek: at, volume, muted } = pending
    pending = { seek: at }
    if (volume !== undefined) media.volume = volume
    if (muted !== undefined) media.muted = muted
    if (at !== undefined && media.readyState >= 1) mediaListeners.loadedmetadata!(new Event('loadedmetadata'))
    if (wantsPlay) void play(media)
  }

  return {
    attach,
    ready: () => post({ type: 'ready', state: state() }),
    setPhase: (next) => {
      phase = next
    },
    setContentId: (id) => {
      contentId = String(id)
    },
    setProgress: (next) => {
      if (next.downloaded === progress.downloaded && next.total === progress.total && next.peers === progress.peers)
        return
      progress = { ...next }
      post({ type: 'progress', ...progress })
    },
    error: (message) => error(message),
    unlocked: (id) => post({ type: 'unlocked', contentId: String(id) }),
    state,
    stop: () => {
      attach(undefined)
      win.removeEventListener('message', onMessage as EventListener)
    },
  }
}

const commands = new Set<string>(['play', 'pause', 'seek', 'setVolume', 'setMuted', 'getState'])

function isCommand(type: unknown): type is EmbedCommand['type'] {
  return typeof type === 'string' && commands.has(type)
}
