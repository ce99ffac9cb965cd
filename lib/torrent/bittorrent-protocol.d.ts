/**
 * The slice of bittorrent-protocol (WebTorrent's wire, installed with webtorrent) that the
 * receipts extension's tests drive directly: two wires piped together in Node.
 */
declare module 'bittorrent-protocol' {
  import type { Duplex } from 'node:stream'

  export default class Wire extends Duplex {
    constructor()
    extendedHandshake: Record<string, unknown>
    peerExtendedMapping: Record<string, number>
    use(extension: unknown): void
    handshake(infoHash: string, peerId: string, extensions?: Record<string, unknown>): void
    extended(ext: string | number, payload: Uint8Array | Record<string, unknown>): void
    keepAlive(): void
  }
}
