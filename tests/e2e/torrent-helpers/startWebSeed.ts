import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A loopback HTTP server holding files for BEP 19 web seeding, and what it was asked for. */
export type WebSeedServer = {
  /** `http://127.0.0.1:<port>`: another origin than the app's, as a CDN would be. */
  origin: string
  /** `GET <path> <range>` of every data request answered, in order. */
  requests: string[]
  close(): Promise<void>
}

/**
 * Starts a tiny web seed on 127.0.0.1: answers `GET` with single `Range`s (206) and CORS, since
 * the engine's requests are cross-origin fetches with headers that need a preflight. A file is
 * found by the last segment of the path, so the engine's multi-file URLs (`<base>/<torrent
 * name>/<file>`) reach it whatever the base.
 */
export async function startWebSeed(files: Record<string, Uint8Array>): Promise<WebSeedServer> {
  const requests: string[] = []
  const server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*')
    response.setHeader('Access-Control-Expose-Headers', 'Content-Range, Content-Length, Accept-Ranges')
    if (request.method === 'OPTIONS') {
      response.setHeader('Access-Control-Allow-Methods', 'GET, HEAD')
      response.setHeader('Access-Control-Allow-Headers', request.headers['access-control-request-headers'] ?? '*')
      // Chromium asks loopback servers whether pages may reach them (local network access).
      response.setHeader('Access-Control-Allow-Private-Network', 'true')
      return response.writeHead(204).end()
    }
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    const bytes = files[path.slice(path.lastIndexOf('/') + 1)]
    if (!bytes || (request.method !== 'GET' && request.method !== 'HEAD')) return response.writeHead(404).end()
    const range = request.headers.range
    requests.push(`${request.method} ${path} ${range ?? ''}`.trim())
    response.setHeader('Accept-Ranges', 'bytes')
    if (!range) return response.writeHead(200, { 'Content-Length': bytes.length }).end(Buffer.from(bytes))
    const match = /^bytes=(\d+)-(\d*)$/.exec(range)
    const start = Number(match?.[1])
    const end = Math.min(bytes.length - 1, match?.[2] ? Number(match[2]) : bytes.length - 1)
    if (!match || start > end) return response.writeHead(416, { 'Content-Range': `bytes */${bytes.length}` }).end()
    response.writeHead(206, {
      'Content-Range': `bytes ${start}-${end}/${bytes.length}`,
      'Content-Length': end - start + 1,
    })
    response.end(Buffer.from(bytes.subarray(start, end + 1)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
