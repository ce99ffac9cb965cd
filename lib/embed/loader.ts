/**
 * The embed loader, built by scripts/build-embed.ts into `public/embed.js` (an ES2019 script, no
 * dependencies). `<script src="https://<keyswarm>/embed.js" data-listing="3"></script>` replaces
 * itself with a responsive 16:9 player; `Keyswarm.embed(element, options)` makes one from code.
 * Every player is in `Keyswarm.players`. The protocol is lib/embed/protocol.ts; docs/embed.md.
 */
import { EMBED_SOURCE, type EmbedCommand, type EmbedEvent, type EmbedMessage, type EmbedState } from './protocol'

/** What to play and how; `data-*` attributes of the script tag give the same names. */
export type EmbedOptions = {
  listing?: string | number
  id?: string
  magnet?: string
  /** Content key of an encrypted free file: travels in the frame's fragment, never to a server. */
  key?: string
  theme?: 'light' | 'dark'
  autoplay?: boolean | string
  muted?: boolean | string
  /** The frame's title, for assistive technology. */
  title?: string
  /**
   * The Keyswarm site to load the player from, base path included (`https://example.org/keyswarm`);
   * default: the folder this script came from.
   */
  base?: string
}

/** A player on the host page, driving the frame over postMessage. */
export type EmbeddedPlayer = {
  iframe: HTMLIFrameElement
  /** The 16:9 box around the frame. */
  element: HTMLDivElement
  /** The player frame's origin: only its messages count. */
  origin: string
  play: () => void
  pause: () => void
  seek: (time: number) => void
  setVolume: (volume: number) => void
  setMuted: (muted?: boolean) => void
  /** Resolves with the player's state once it answers (so not before `ready`). */
  getState: () => Promise<EmbedState>
  on: <T extends EmbedEvent['type']>(
    type: T,
    listener: (event: Extract<EmbedEvent, { type: T }>) => void,
  ) => EmbeddedPlayer
  off: (type: EmbedEvent['type'], listener: (event: never) => void) => EmbeddedPlayer
  destroy: () => void
}

type Keyswarm = {
  players: EmbeddedPlayer[]
  embed: (element: Element, options: EmbedOptions) => EmbeddedPlayer
}

declare global {
  interface Window {
    Keyswarm?: Keyswarm
  }
}

type Listener = (event: EmbedEvent) => void

const script = document.currentScript as HTMLScriptElement | null
// The site is the folder embed.js was served from: `https://host/keyswarm/` for `https://host/keyswarm/embed.js`.
const scriptSite = new URL('./', script?.src || location.href).href
// Loaded twice (two script tags): keep the one registry and its one message listener.
const keyswarm: Keyswarm = window.Keyswarm?.embed ? window.Keyswarm : createRegistry()
window.Keyswarm = keyswarm
const data = script?.dataset
if (script && data && (data.listing || data.id || data.magnet)) keyswarm.embed(script, { base: scriptSite, ...data })

function createRegistry(): Keyswarm {
  const players: EmbeddedPlayer[] = []
  const receivers = new WeakMap<EmbeddedPlayer, (event: EmbedEvent) => void>()
  // One listener for all players: a message counts only from its own player's frame and origin.
  window.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as Partial<EmbedMessage<EmbedEvent>> | null
    if (!message || message.source !== EMBED_SOURCE) return
    for (const player of players)
      if (player.iframe.contentWindow === event.source && player.origin === event.origin)
        receivers.get(player)?.(message as EmbedEvent)
  })
  return {
    players,
    embed: (element, options) => {
      const { player, receive } = createPlayer(element, options, () => players.splice(players.indexOf(player), 1))
      receivers.set(player, receive)
      players.push(player)
      return player
    },
  }
}

function createPlayer(element: Element, options: EmbedOptions, forget: () => void) {
  const base = new URL(options.base || scriptSite)
  // A site named without its trailing slash still means its folder, not its parent's.
  if (!base.pathname.endsWith('/')) base.pathname += '/'
  // `embed/`, the folder itself: it opens on hosts that map URLs to files and rewrite nothing.
  const url = new URL('embed/', base)
  const source = (['listing', 'id', 'magnet'] as const).find((name) => options[name] != null && options[name] !== '')
  if (!source) throw new Error('Keyswarm.embed needs a listing, an id or a magnet.')
  url.searchParams.set(source, String(options[source]))
  if (options.theme) url.searchParams.set('theme', options.theme)
  for (const flag of ['autoplay', 'muted'] as const)
    if ([true, '', '1', 'true'].includes(options[flag] as string)) url.searchParams.set(flag, '1')
  // The player then answers this page only (a file:// page has no origin to name).
  if (location.origin !== 'null') url.searchParams.set('origin', location.origin)
  if (options.key) url.hash = `key=${options.key}`

  const box = document.createElement('div')
  box.className = 'keyswarm-player'
  box.style.cssText = 'position:relative;width:100%;padding-top:56.25%'
  const iframe = document.createElement('iframe')
  iframe.src = url.href
  iframe.title = options.title || 'Keyswarm player'
  iframe.allow = 'autoplay; fullscreen; picture-in-picture'
  iframe.allowFullscreen = true
  iframe.style.cssText = 'position:absolute;top:0;left:0;width:100%;height:100%;border:0'
  box.appendChild(iframe)
  if (element.tagName === 'SCRIPT') element.replaceWith(box)
  else element.replaceChildren(box)

  const listeners = new Map<string, Listener[]>()
  const waiting = new Map<number, (state: EmbedState) => void>()
  let requests = 0
  // Commands wait for `ready`: until then nobody listens in the frame.
  let held: EmbedCommand[] | undefined = []
  const post = (command: EmbedCommand) =>
    iframe.contentWindow?.postMessage(
      { ...command, source: EMBED_SOURCE } satisfies EmbedMessage<EmbedCommand>,
      base.origin,
    )
  const send = (command: EmbedCommand) => (held ? held.push(command) : post(command))

  const player: EmbeddedPlayer = {
    iframe,
    element: box,
    origin: base.origin,
    play: () => send({ type: 'play' }),
    pause: () => send({ type: 'pause' }),
    seek: (time) => send({ type: 'seek', time }),
    setVolume: (volume) => send({ type: 'setVolume', volume }),
    setMuted: (muted = true) => send({ type: 'setMuted', muted }),
    getState: () =>
      new Promise((resolve) => {
        const requestId = ++requests
        waiting.set(requestId, resolve)
        send({ type: 'getState', requestId })
      }),
    on: (type, listener) => {
      listeners.set(type, [...(listeners.get(type) ?? []), listener as Listener])
      return player
    },
    off: (type, listener) => {
      listeners.set(
        type,
        (listeners.get(type) ?? []).filter((known) => known !== (listener as unknown)),
      )
      return player
    },
    destroy: () => {
      box.remove()
      forget()
    },
  }

  const receive = (event: EmbedEvent) => {
    if (event.type === 'ready' && held) {
      const commands = held
      held = undefined
      commands.forEach(post)
    }
    if (event.type === 'state' && typeof event.requestId === 'number') {
      waiting.get(event.requestId)?.(event.state)
      waiting.delete(event.requestId)
    }
    for (const listener of listeners.get(event.type) ?? []) {
      try {
        listener(event)
      } catch (error) {
        // A host handler that throws must not stop the others; its error still reaches the console.
        setTimeout(() => {
          throw error
        })
      }
    }
  }
  return { player, receive }
}
