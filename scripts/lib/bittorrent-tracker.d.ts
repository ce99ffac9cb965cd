declare module 'bittorrent-tracker/server' {
  import type { EventEmitter } from 'node:events'
  import type { Server as HttpServer } from 'node:http'

  export default class Server extends EventEmitter {
    constructor(opts?: { http?: boolean; udp?: boolean; ws?: boolean; stats?: boolean; interval?: number })
    http: HttpServer
    torrents: Record<string, { peers: { length: number } }>
    listen(port: number, hostname: string, onlistening?: () => void): void
    close(cb?: () => void): void
  }
}
