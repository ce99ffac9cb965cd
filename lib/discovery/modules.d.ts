/** Types of the untyped packages lib/discovery uses: simple-peer (WebTorrent's own WebRTC wrapper) and bencode. */
declare module '@thaunknown/simple-peer/lite.js' {
  import type { EventEmitter } from 'node:events'

  export type SignalData = { type: 'offer' | 'answer'; sdp: string }

  export default class SimplePeer extends EventEmitter {
    constructor(options: { initiator?: boolean; trickle?: boolean; config?: RTCConfiguration; iceCompleteTimeout?: number })
    /** WebTorrent dedupes peers by this: the remote peer id (hex) when known. */
    id: string
    readonly connected: boolean
    readonly initiator: boolean
    readonly destroyed: boolean
    signal(data: SignalData): void
    destroy(error?: Error): void
  }
}

/** bencode 4 (BitTorrent's encoding), as bittorrent-protocol uses it: byte strings decode to Uint8Array. */
declare module 'bencode' {
  const bencode: { encode(value: unknown): Uint8Array; decode(bytes: Uint8Array): unknown }
  export default bencode
}
