import { SimplePool } from 'nostr-tools/pool'
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure'
import { discoveryLimits } from './limits'
import { openSwarmSignal } from './openSwarmSignal'
import { relayRetryDelay } from './relayRetryDelay'
import { type SwarmSignal, sealSwarmSignal } from './sealSwarmSignal'
import { swarmSecrets } from './swarmSecrets'
import type { SwarmLinks } from './swarmLinks'

/** Nostr event kind of Keyswarm's signalling: ephemeral (20000–29999), so relays forward it and keep nothing. */
export const SWARM_SIGNAL_KIND = 25_050

/** Parameters of `startNostrDiscovery`. */
export type StartNostrDiscoveryParameters = {
  infoHash: string
  /** Relay URLs (ws:// or wss://). */
  relays: readonly string[]
  /** Whether the torrent still wants more peers (hellos repeat while it does). */
  wantsPeers: () => boolean
}

/** Whether a relay answers: `connecting` before its first answer, `unreachable` once an attempt failed (another follows). */
export type RelayStatus = { url: string; connected: boolean; state: 'connected' | 'connecting' | 'unreachable' }

type RelayState = {
  subscription?: { close: () => void }
  retry?: ReturnType<typeof setTimeout>
  /** Attempts that failed since the relay last answered. */
  failures: number
}

/** A running Nostr discovery of one torrent. */
export type NostrDiscovery = {
  /** Each relay, whether its socket is open now, and whether it is still being dialled or failed (and will be again). */
  relayStates(): RelayStatus[]
  /** Adds relays (e.g. a share link's) to a running discovery. */
  addRelays(relays: readonly string[]): void
  stop(): void
}

/**
 * Meets a torrent's other peers on Nostr relays and connects to them over WebRTC. The protocol:
 * a peer publishes `hello`; a peer that hears it and is not connected to the sender publishes an
 * `offer` addressed to it; the addressee publishes the `answer`. Every event is kind 25050,
 * tagged `t` = swarm topic, content sealed with the swarm key, signed by a key pair made for this
 * torrent in this tab only (so a relay cannot link one person's torrents). A relay that is down or
 * hangs costs nothing: each relay is used on its own, and nothing waits on any of them; it is dialled
 * again after a growing wait, so a relay that comes back serves again.
 */
export function startNostrDiscovery(links: SwarmLinks, params: StartNostrDiscoveryParameters): NostrDiscovery {
  const { infoHash, wantsPeers } = params
  const relays = new Set(params.relays)
  const pool = new SimplePool({ enableReconnect: true })
  const secretKey = generateSecretKey()
  const relayStates = new Map<string, RelayState>()
  let stopped = false
  const secrets = swarmSecrets(infoHash)

  const publish = async (signal: SwarmSignal, to: readonly string[] = [...relays]) => {
    if (stopped) return
    const { topic, key } = await secrets
    const content = await sealSwarmSignal({ topic, key }, signal)
    const now = Math.floor(Date.now() / 1000)
    const event = finalizeEvent(
      { kind: SWARM_SIGNAL_KIND, created_at: now, tags: [['t', topic], ['expiration', String(now + 60)]], content },
      secretKey,
    )
    // Stopped while sealing (the torrent closed): its sockets are closing, sending would only fail.
    if (stopped) return
    // A relay that refuses or is down is one path fewer, not a failure: the others carry the event.
    for (const sent of pool.publish([...to], event)) sent.catch(() => {})
  }

  const onSignal = async (signal: SwarmSignal) => {
    if (stopped || signal.from === links.selfId) return
    if (signal.to && signal.to !== links.selfId) return
    if (signal.type === 'hello') {
      const sdp = await links.offer(signal.from, 'nostr')
      if (sdp) await publish({ type: 'offer', from: links.selfId, to: signal.from, sdp })
    } else if (signal.type === 'offer' && signal.sdp) {
      const sdp = await links.answer(signal.from, signal.sdp, 'nostr')
      if (sdp) await publish({ type: 'answer', from: links.selfId, to: signal.from, sdp })
    } else if (signal.type === 'answer' && signal.sdp) {
      links.accept(signal.from, signal.sdp)
    }
  }

  /**
   * Listens on one relay, and says hello there once the relay has the subscription (its EOSE). A
   * relay that is down, hangs or drops the subscription before answering is dialled again after a
   * growing wait (relayRetryDelay), for as long as discovery runs: it may come back. (Once a relay
   * has answered, nostr-tools itself reconnects a socket that drops and resubscribes.)
   */
  const subscribe = async (url: string) => {
    const { topic } = await secrets
    const relay = relayState(url)
    if (stopped || relay.subscription) return
    const since = Math.floor(Date.now() / 1000) - 30
    let closed = false
    const subscription = pool.subscribeMany([url], { kinds: [SWARM_SIGNAL_KIND], '#t': [topic], since }, {
      oneose: () => {
        if (closed) return
        relay.failures = 0
        hello([url])
      },
      onevent: (event) => {
        if (event.created_at < since) return
        secrets
          .then((s) => openSwarmSignal(s, event.content))
          .then((signal) => signal && onSignal(signal))
          .catch((error: unknown) => console.warn('[keyswarm] a Nostr signal could not be used', error))
      },
      onclose: () => {
        closed = true
        if (relay.subscription === subscription) relay.subscription = undefined
        if (stopped) return
        relay.failures++
        relay.retry = setTimeout(() => {
          relay.retry = undefined
          void subscribe(url)
        }, relayRetryDelay({ failures: relay.failures }))
      },
    })
    relay.subscription = subscription
  }

  /** What this discovery knows of one relay: its live subscription, and failures since it last answered. */
  const relayState = (url: string): RelayState => {
    let relay = relayStates.get(url)
    if (!relay) relayStates.set(url, (relay = { failures: 0 }))
    return relay
  }

  const hello = (to?: readonly string[]) =>
    publish({ type: 'hello', from: links.selfId }, to).catch((error: unknown) =>
      console.warn('[keyswarm] could not publish a hello on Nostr relays', error),
    )
  for (const url of relays) void subscribe(url)
  const timer = setInterval(() => {
    if (wantsPeers()) hello()
  }, discoveryLimits.helloIntervalMs)

  return {
    relayStates() {
      const status = pool.listConnectionStatus()
      return [...relays].map((url) => {
        const connected = [...status].some(([known, open]) => open && known.replace(/\/$/, '') === url.replace(/\/$/, ''))
        const failures = relayStates.get(url)?.failures ?? 0
        return { url, connected, state: connected ? 'connected' : failures > 0 ? 'unreachable' : 'connecting' }
      })
    },
    addRelays(more) {
      const fresh = more.filter((url) => !relays.has(url))
      if (!fresh.length) return
      for (const url of fresh) {
        relays.add(url)
        void subscribe(url)
      }
    },
    stop() {
      stopped = true
      clearInterval(timer)
      // nostr-tools sends a message one microtask late (after its connection promise), and closing a
      // relay sends CLOSE for its subscriptions and then closes the socket at once: the CLOSE then
      // meets a closing socket (Chromium logs "WebSocket is already in CLOSING or CLOSED state"). So
      // the subscriptions close first, and the sockets once those messages have gone.
      for (const relay of relayStates.values()) {
        clearTimeout(relay.retry)
        relay.subscription?.close()
      }
      setTimeout(() => pool.destroy(), 0)
    },
  }
}
