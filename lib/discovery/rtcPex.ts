import { bytesToHex, hexToBytes } from '@noble/hashes/utils'
import bencode from 'bencode'
import { discoveryLimits } from './limits'
import type { SwarmLinks } from './swarmLinks'

/** BEP 10 name of Keyswarm's WebRTC peer exchange. Clients without it never see its messages. */
export const RTC_PEX_NAME = 'ks_rtc_pex'

/** The slice of a bittorrent-protocol wire the extension uses. */
export type PexWire = {
  peerId?: string
  extended(name: string, message: Record<string, unknown>): void
  destroy(): void
  once(event: 'close', listener: () => void): unknown
}

/** What a peer-exchange extension instance is, as `wire.use` wants it (a class with `name` on the prototype). */
export type RtcPexExtension = {
  new (wire: PexWire): {
    onHandshake(infoHash: string, peerId: string): void
    onExtendedHandshake(handshake: { m?: Record<string, number> }): void
    onMessage(buf: Uint8Array): void
  }
  prototype: { name: string }
}

/** Counters of one torrent's peer exchange, for the status panel and tests. */
export type RtcPexStats = {
  /** Offers and answers passed on between two members. */
  relayed: number
  /** Messages refused: over the rate, malformed, or asking for what the bounds forbid. */
  dropped: number
  /** Members cut off for flooding. */
  cutOff: number
  /** Offers other members passed on to this tab. */
  offersIn: number
}

/** A torrent's peer exchange: the extension to `wire.use`, and its counters. */
export type RtcPex = { Extension: RtcPexExtension; stats: RtcPexStats; destroy(): void }

type Member = {
  peerId: string
  wire: PexWire
  introduced: Set<string>
  /** Peers this tab started a connection to because this member asked (its list, or an offer it passed on). */
  opened: Set<string>
  send(message: Record<string, unknown>): void
}

/**
 * WebRTC peer exchange for one torrent (BEP 10 extension `ks_rtc_pex`): connected peers introduce
 * each other and relay the WebRTC offer and answer between them, so a peer that reached one member
 * of a swarm reaches the others without any tracker. Messages (bencoded dictionaries):
 * - `{ t: 'peers', ids: <20-byte peer ids, concatenated> }` — members the sender can relay to;
 * - `{ t: 'offer', to: <id>, sdp }` / `{ t: 'answer', to: <id>, sdp }` — "please pass this on";
 * - `{ t: 'offer', from: <id>, sdp }` / `{ t: 'answer', from: <id>, sdp }` — passed on, one hop.
 * Bounds: a relay forwards only to a member named in its own list, once per pair and direction,
 * and an answer only back along an offer it forwarded within `routeTtlMs`; nothing that arrives
 * with `from` is ever forwarded again. Of a pair, only the lower peer id offers (no glare). Each
 * wire may send `rateLimit` offers/answers/lists a window (the rest are dropped) and is cut off
 * past `floodLimit`, which also drops the half-open connections it made this tab start;
 * half-open connections are capped by `SwarmLinks`.
 */
export function createRtcPex(links: SwarmLinks): RtcPex {
  const members = new Map<string, Member>()
  /** `${origin}>${target}` → when the forwarded offer expires. */
  const routes = new Map<string, number>()
  const stats: RtcPexStats = { relayed: 0, dropped: 0, cutOff: 0, offersIn: 0 }
  let introduceTimer: ReturnType<typeof setTimeout> | undefined

  /** Tells every member about the members it has not heard of yet (batched: one round per tick). */
  const introduceSoon = () => {
    introduceTimer ??= setTimeout(() => {
      introduceTimer = undefined
      for (const member of members.values()) {
        const fresh = [...members.keys()].filter((id) => id !== member.peerId && !member.introduced.has(id))
        const ids = fresh.slice(0, discoveryLimits.maxPeersListed)
        if (!ids.length) continue
        for (const id of ids) member.introduced.add(id)
        member.send({ t: 'peers', ids: concatIds(ids) })
      }
    }, 0)
  }

  class Extension {
    private member?: Member
    private peerId?: string
    private window = { start: 0, count: 0 }

    constructor(private readonly wire: PexWire) {}

    onHandshake(_infoHash: string, peerId: string) {
      this.peerId = peerId
    }

    onExtendedHandshake(handshake: { m?: Record<string, number> }) {
      // WebTorrent adds extensions once the remote handshake is in, so onHandshake may never run: the wire knows the id.
      const peerId = this.peerId ?? this.wire.peerId
      if (!handshake.m?.[RTC_PEX_NAME] || !peerId || this.member) return
      const wire = this.wire
      const member: Member = {
        peerId,
        wire,
        introduced: new Set(),
        opened: new Set(),
        send: (message) => {
          try {
            wire.extended(RTC_PEX_NAME, message)
          } catch {
            // The wire closed under us; its close handler removes the member.
          }
        },
      }
      this.member = member
      members.set(member.peerId, member)
      wire.once('close', () => {
        if (members.get(member.peerId) === member) members.delete(member.peerId)
      })
      introduceSoon()
    }

    onMessage(buf: Uint8Array) {
      const member = this.member
      if (!member) return
      const now = Date.now()
      if (now - this.window.start > discoveryLimits.rateWindowMs) this.window = { start: now, count: 0 }
      this.window.count++
      if (this.window.count > discoveryLimits.floodLimit) {
        stats.cutOff++
        members.delete(member.peerId)
        this.member = undefined
        // What it made this tab start would otherwise hold the half-open slots honest peers need for linkTimeoutMs.
        for (const peerId of member.opened) links.withdraw(peerId)
        this.wire.destroy()
        return
      }
      if (this.window.count > discoveryLimits.rateLimit) {
        stats.dropped++
        return
      }
      const message = decode(buf)
      if (!message) {
        stats.dropped++
        return
      }
      void this.handle(member, message).catch((error: unknown) =>
        console.warn('[keyswarm] a peer-exchange message could not be used', error),
      )
    }

    private async handle(member: Member, message: Message) {
      const { t, to, from, sdp } = message
      if (t === 'peers' && message.ids) {
        let offers = 0
        for (const id of splitIds(message.ids).slice(0, discoveryLimits.maxPeersListed)) {
          // A member cut off while this list was being worked through gets nothing more started for it.
          if (offers >= discoveryLimits.maxOffersPerRound || !links.hasRoom() || this.member !== member) break
          // Of a pair, the lower id offers: both hear of each other, and only one connection starts.
          if (!(links.selfId < id) || links.knows(id)) continue
          offers++
          remember(member.opened, id)
          const offer = await links.offer(id, 'rtc-pex')
          if (offer) member.send({ t: 'offer', to: hexToBytes(id), sdp: offer })
        }
      } else if (t === 'offer' && to && sdp) {
        const target = members.get(to)
        const key = `${member.peerId}>${to}`
        if (!target || target === member || (routes.get(key) ?? 0) > Date.now()) return void stats.dropped++
        pruneRoutes()
        routes.set(key, Date.now() + discoveryLimits.routeTtlMs)
        stats.relayed++
        target.send({ t: 'offer', from: hexToBytes(member.peerId), sdp })
      } else if (t === 'answer' && to && sdp) {
        const origin = members.get(to)
        const key = `${to}>${member.peerId}`
        if (!origin || (routes.get(key) ?? 0) < Date.now()) return void stats.dropped++
        routes.delete(key)
        stats.relayed++
        origin.send({ t: 'answer', from: hexToBytes(member.peerId), sdp })
      } else if (t === 'offer' && from && sdp) {
        stats.offersIn++
        if (!links.knows(from)) remember(member.opened, from)
        const answer = await links.answer(from, sdp, 'rtc-pex')
        if (answer) member.send({ t: 'answer', to: hexToBytes(from), sdp: answer })
      } else if (t === 'answer' && from && sdp) {
        if (!links.accept(from, sdp)) stats.dropped++
      } else {
        stats.dropped++
      }
    }
  }
  ;(Extension.prototype as unknown as { name: string }).name = RTC_PEX_NAME

  const pruneRoutes = () => {
    const now = Date.now()
    for (const [key, expires] of routes) if (expires < now) routes.delete(key)
  }

  return {
    Extension: Extension as unknown as RtcPexExtension,
    stats,
    destroy() {
      clearTimeout(introduceTimer)
      members.clear()
      routes.clear()
    },
  }
}

type Message = { t?: string; ids?: Uint8Array; to?: string; from?: string; sdp?: string }

/** Reads a message; undefined when it is not a dictionary of the expected shapes. */
function decode(buf: Uint8Array): Message | undefined {
  try {
    const raw = bencode.decode(buf) as Record<string, unknown>
    if (!raw || typeof raw !== 'object') return undefined
    const text = (value: unknown) => (value instanceof Uint8Array ? new TextDecoder().decode(value) : undefined)
    const id = (value: unknown) => (value instanceof Uint8Array && value.length === 20 ? bytesToHex(value) : undefined)
    const sdp = text(raw.sdp)
    if (sdp !== undefined && sdp.length > discoveryLimits.maxSdpLength) return undefined
    const ids = raw.ids instanceof Uint8Array && raw.ids.length % 20 === 0 ? raw.ids : undefined
    return { t: text(raw.t), ids, to: id(raw.to), from: id(raw.from), sdp }
  } catch {
    return undefined
  }
}

/** Adds to a set that keeps only the latest ids (older links have long connected or timed out). */
function remember(ids: Set<string>, id: string) {
  ids.add(id)
  if (ids.size > 4 * discoveryLimits.maxPendingLinks) ids.delete(ids.values().next().value!)
}

function concatIds(ids: string[]): Uint8Array {
  const bytes = new Uint8Array(ids.length * 20)
  ids.forEach((id, i) => bytes.set(hexToBytes(id), i * 20))
  return bytes
}

function splitIds(bytes: Uint8Array): string[] {
  const ids: string[] = []
  for (let i = 0; i + 20 <= bytes.length; i += 20) ids.push(bytesToHex(bytes.subarray(i, i + 20)))
  return ids
}
