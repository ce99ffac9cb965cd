import type { BrowserContext, Page } from '@playwright/test'
import { openPlainWebTorrent } from './openPlainWebTorrent'

/** Parameters of `openPexFlooder`. */
export type PexFlooderParameters = {
  /** The torrent to join. */
  magnet: string
  /** The only tracker it announces to (so it meets only the peers announcing there). */
  tracker: string
  /** Its peer id (hex): the lowest possible, so that honest peers leave the offering to it. */
  peerId?: string
}

/** What the flooding peer saw of the first peer that spoke `ks_rtc_pex` with it (its victim). */
export type FloodState = {
  victimId: string | null
  /** Peer ids the victim listed in its `peers` messages. */
  listed: string[]
  /** `{ t: 'offer', to }` the victim sent: connections it started because the flooder listed peers. */
  offers: number
  /** `{ t: 'answer', to }` the victim sent: connections it answered because the flooder passed offers. */
  answers: number
  /** Messages the flooder sent the victim. */
  sent: number
  /** Whether the victim's wire closed. */
  closed: boolean
}

/** One message of a flood, as the page builds it (ids hex; `sdp` one of the kinds below). */
export type FloodMessage =
  | { t: 'peers'; ids: string[] }
  | { t: 'offer' | 'answer'; to?: string; from?: string; sdp: 'real' | 'junk' | 'oversized' }
  | { t: 'garbage' }

/**
 * Opens an outside peer that abuses Keyswarm's WebRTC peer exchange: a bare page running the
 * unmodified WebTorrent bundle plus its own BEP 10 extension registered as `ks_rtc_pex`, written
 * from the wire format in docs/discovery.md (bencoded dictionaries; nothing of the app is loaded).
 * It joins `magnet` through `tracker`, treats the first peer that names the extension as its
 * victim, and records what that peer sends it. `window.flood(messages)` sends messages to the
 * victim at once; `window.floodState` is the `FloodState`.
 */
export async function openPexFlooder(
  context: BrowserContext,
  { magnet, tracker, peerId = `${'00'.repeat(19)}2a` }: PexFlooderParameters,
): Promise<Page> {
  const page = await openPlainWebTorrent(context)
  await page.evaluate(
    async ({ magnet, tracker, peerId }) => {
      type Value = number | string | Uint8Array | Value[] | { [key: string]: Value }
      type Dict = { [key: string]: Value }
      const utf8 = new TextEncoder()
      const concat = (parts: Uint8Array[]) => {
        const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
        let at = 0
        for (const part of parts) {
          out.set(part, at)
          at += part.length
        }
        return out
      }
      // Bencode (BEP 3), written here so that the page runs nothing of Keyswarm's.
      const encode = (value: Value): Uint8Array => {
        if (typeof value === 'number') return utf8.encode(`i${Math.trunc(value)}e`)
        if (typeof value === 'string') return encode(utf8.encode(value))
        if (value instanceof Uint8Array) return concat([utf8.encode(`${value.length}:`), value])
        if (Array.isArray(value)) return concat([utf8.encode('l'), ...value.map(encode), utf8.encode('e')])
        const keys = Object.keys(value).sort()
        return concat([utf8.encode('d'), ...keys.flatMap((key) => [encode(key), encode(value[key]!)]), utf8.encode('e')])
      }
      const decode = (bytes: Uint8Array): Value => {
        let at = 0
        const readUntil = (end: number) => {
          const stop = bytes.indexOf(end, at)
          const text = new TextDecoder().decode(bytes.subarray(at, stop))
          at = stop + 1
          return text
        }
        const next = (): Value => {
          const c = String.fromCharCode(bytes[at]!)
          if (c === 'i') return (at++, Number(readUntil(0x65)))
          if (c === 'l' || c === 'd') {
            at++
            const items: Value[] = []
            while (bytes[at] !== 0x65) items.push(next())
            at++
            if (c === 'l') return items
            const dict: Dict = {}
            for (let i = 0; i + 1 < items.length; i += 2) dict[new TextDecoder().decode(items[i] as Uint8Array)] = items[i + 1]!
            return dict
          }
          const length = Number(readUntil(0x3a))
          const string = bytes.slice(at, at + length)
          at += length
          return string
        }
        return next()
      }
      const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
      const unhex = (text: string) => Uint8Array.from(text.match(/../g)!, (pair) => parseInt(pair, 16))
      const text = (value: Value | undefined) => (value instanceof Uint8Array ? new TextDecoder().decode(value) : undefined)

      // A real offer from a real RTCPeerConnection of this page, complete with its candidates.
      const connection = new RTCPeerConnection()
      connection.createDataChannel('flood')
      await connection.setLocalDescription(await connection.createOffer())
      await new Promise<void>((resolve) => {
        if (connection.iceGatheringState === 'complete') return resolve()
        connection.addEventListener('icegatheringstatechange', () => connection.iceGatheringState === 'complete' && resolve())
      })
      const sdps = {
        real: connection.localDescription!.sdp,
        junk: 'v=0\r\nthis is no session description\r\n',
        oversized: `v=0\r\n${'a=x\r\n'.repeat(4000)}`,
      }

      type Wire = {
        peerId?: string
        use(extension: unknown): void
        extended(name: string, message: Uint8Array): void
        once(event: 'close', listener: () => void): void
      }
      const state: FloodState = { victimId: null, listed: [], offers: 0, answers: 0, sent: 0, closed: false }
      let victim: Wire | undefined

      class Flooder {
        constructor(private readonly wire: Wire) {}
        onExtendedHandshake(handshake: { m?: Record<string, number> }) {
          if (!handshake.m?.ks_rtc_pex || victim) return
          victim = this.wire
          state.victimId = this.wire.peerId ?? null
          this.wire.once('close', () => (state.closed = true))
        }
        onMessage(buf: Uint8Array) {
          if (this.wire !== victim) return
          const message = decode(buf) as Dict
          const t = text(message.t)
          if (t === 'peers' && message.ids instanceof Uint8Array)
            for (let i = 0; i + 20 <= message.ids.length; i += 20) state.listed.push(hex(message.ids.subarray(i, i + 20)))
          else if (t === 'offer' && message.to) state.offers++
          else if (t === 'answer' && message.to) state.answers++
        }
      }
      ;(Flooder.prototype as unknown as { name: string }).name = 'ks_rtc_pex'

      const { default: WebTorrent } = await import(`${location.origin}/webtorrent.min.js`)
      const plain = window as unknown as { client: { destroy(): void } }
      plain.client.destroy()
      const client = new WebTorrent({ peerId })
      client.on('error', (error: unknown) => console.error('flooder client error', error))
      const torrent = client.add(magnet, { announce: [tracker] })
      torrent.on('wire', (wire: Wire) => wire.use(Flooder))

      const build = (message: FloodMessage): Uint8Array => {
        if (message.t === 'garbage') return utf8.encode('d1:t5:offer2:to')
        if (message.t === 'peers') return encode({ t: 'peers', ids: concat(message.ids.map(unhex)) })
        const dict: Dict = { t: message.t, sdp: sdps[message.sdp] }
        if (message.to) dict.to = unhex(message.to)
        if (message.from) dict.from = unhex(message.from)
        return encode(dict)
      }
      Object.assign(window, {
        floodState: state,
        flood(messages: FloodMessage[]) {
          if (!victim) throw new Error('the flooder has no victim yet')
          for (const message of messages) {
            try {
              victim.extended('ks_rtc_pex', build(message))
              state.sent++
            } catch {
              return // The victim closed the wire: the rest cannot be sent.
            }
          }
        },
        leave: () => client.destroy(),
      })
    },
    { magnet, tracker, peerId },
  )
  return page
}
