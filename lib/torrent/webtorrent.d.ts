/**
 * The slice of WebTorrent 3's API Keyswarm uses, typed for the prebuilt browser bundle
 * (`webtorrent/dist/webtorrent.min.js`, which ships no types of its own).
 */
declare module 'webtorrent/dist/webtorrent.min.js' {
  import type { EventEmitter } from 'node:events'

  export type TorrentOptions = {
    announce?: string[]
    urlList?: string[]
    name?: string
    comment?: string
    createdBy?: string
    private?: boolean
    pieceLength?: number
    skipVerify?: boolean
    /** Pieces known to be stored: only a couple per file are re-hashed when the torrent starts. */
    bitfield?: Uint8Array
    destroyStoreOnDestroy?: boolean
    /** Seconds between two checks of the `noPeers` event. */
    noPeersIntervalTime?: number
    strategy?: 'sequential' | 'rarest'
    deselect?: boolean
    store?: unknown
    storeCacheSlots?: number
    maxWebConns?: number
  }

  export interface Wire {
    remoteAddress?: string
    type?: string
    downloaded: number
    uploaded: number
  }

  export interface TorrentFile {
    readonly name: string
    readonly path: string
    readonly length: number
    readonly offset: number
    readonly downloaded: number
    readonly progress: number
    readonly done: boolean
    select(priority?: number): void
    deselect(): void
    /** Bytes `start`..`end` (both inclusive), in order, fetching and prioritizing their pieces. */
    [Symbol.asyncIterator](opts?: { start?: number; end?: number }): AsyncIterableIterator<Uint8Array>
    arrayBuffer(opts?: { start?: number; end?: number }): Promise<ArrayBuffer>
    blob(opts?: { start?: number; end?: number }): Promise<Blob>
  }

  export interface BitField {
    get(index: number): boolean
    buffer: Uint8Array
  }

  export interface Torrent extends EventEmitter {
    readonly infoHash: string
    readonly magnetURI: string
    readonly torrentFile: Uint8Array
    readonly name: string
    readonly files: TorrentFile[]
    readonly length: number
    readonly pieceLength: number
    readonly pieces: unknown[]
    readonly bitfield: BitField
    readonly announce: string[]
    readonly urlList: string[]
    /** The .torrent bytes once the file list is known (from the id, a peer or an `xs` URL); null before. */
    readonly metadata: Uint8Array | null
    readonly wires: Wire[]
    readonly ready: boolean
    readonly done: boolean
    readonly paused: boolean
    readonly destroyed: boolean
    readonly progress: number
    readonly downloaded: number
    readonly uploaded: number
    readonly received: number
    readonly downloadSpeed: number
    readonly uploadSpeed: number
    readonly timeRemaining: number
    readonly numPeers: number
    addWebSeed(url: string): void
    /** A peer to connect: an `ip:port` or, in the browser build, a simple-peer WebRTC connection. */
    addPeer(peer: unknown, source?: string): boolean
    critical(start: number, end: number): void
    destroy(opts?: { destroyStore?: boolean }, cb?: (err?: Error | null) => void): void
  }

  export type ClientOptions = {
    maxConns?: number
    tracker?: boolean | { rtcConfig?: RTCConfiguration; announce?: string[] }
    dht?: boolean
    lsd?: boolean
    utPex?: boolean
    webSeeds?: boolean
  }

  export default class WebTorrent extends EventEmitter {
    static readonly WEBRTC_SUPPORT: boolean
    static readonly VERSION: string
    constructor(opts?: ClientOptions)
    readonly torrents: Torrent[]
    readonly destroyed: boolean
    readonly downloadSpeed: number
    readonly uploadSpeed: number
    readonly peerId: string
    get(torrentId: string | Uint8Array | Torrent): Promise<Torrent | null>
    add(torrentId: string | Uint8Array, opts?: TorrentOptions, ontorrent?: (torrent: Torrent) => void): Torrent
    seed(
      input: File | File[] | Blob[] | Uint8Array,
      opts?: TorrentOptions,
      onseed?: (torrent: Torrent) => void,
    ): Torrent
    remove(
      torrentId: string | Torrent,
      opts?: { destroyStore?: boolean },
      cb?: (err?: Error | null) => void,
    ): Promise<void>
    destroy(cb?: (err?: Error | null) => void): void
  }
}
