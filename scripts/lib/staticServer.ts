import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { type Server, createServer } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.torrent': 'application/x-bittorrent',
}

export type StaticServerParameters = {
  /** The directory to serve (the static export, `out/`). */
  root: string
  port: number
  host?: string
  /**
   * Where the local chain and tracker live, told to every HTML page in the `keyswarm-stack` cookie
   * (see lib/config.ts `getStack`). A cookie rather than an injected script: it leaves the markup
   * React hydrates untouched.
   */
  stack?: Record<string, unknown>
}

export type StaticServer = { server: Server; url: string; close: () => Promise<void> }

/**
 * Serves a static export the way a static host does: clean URLs (`/watch` -> `watch.html`),
 * `404.html`, byte ranges. When `stack` is given, every HTML page learns where the local chain
 * and tracker live, so one build works on whatever ports the stack got.
 */
export async function startStaticServer({ root, port, host = '127.0.0.1', stack }: StaticServerParameters): Promise<StaticServer> {
  const stackCookie = stack ? `keyswarm-stack=${encodeURIComponent(JSON.stringify(stack))}; Path=/; SameSite=Strict` : undefined

  /** The file a path names (or the export's 404 page), with its size; undefined when there is none. */
  async function resolve(pathname: string): Promise<{ path: string; size: number; status: number } | undefined> {
    const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '')
    const base = join(root, clean)
    if (!base.startsWith(root + sep) && base !== root) return undefined
    for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
      const info = await stat(candidate).catch(() => undefined)
      if (info?.isFile()) return { path: candidate, size: info.size, status: 200 }
    }
    const notFound = join(root, '404.html')
    const info = await stat(notFound).catch(() => undefined)
    return info && { path: notFound, size: info.size, status: 404 }
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const found = await resolve(url.pathname)
      if (!found) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
        return
      }
      const type = types[extname(found.path)] ?? 'application/octet-stream'
      const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' }
      if (type.startsWith('text/html') && stackCookie) headers['set-cookie'] = stackCookie
      headers['accept-ranges'] = 'bytes'
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '')
      if (range && found.status === 200) {
        const start = range[1] ? Number(range[1]) : Math.max(0, found.size - Number(range[2]))
        const end = range[1] && range[2] ? Math.min(Number(range[2]), found.size - 1) : found.size - 1
        if (start > end || start >= found.size) {
          res.writeHead(416, { 'content-range': `bytes */${found.size}` }).end()
          return
        }
        res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${found.size}`, 'content-length': String(end - start + 1) })
        if (req.method === 'HEAD') res.end()
        else createReadStream(found.path, { start, end }).pipe(res)
        return
      }
      res.writeHead(found.status, { ...headers, 'content-length': String(found.size) })
      if (req.method === 'HEAD') res.end()
      else createReadStream(found.path).pipe(res)
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
    }
  })
  await listen(server, port, host)
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  return {
    server,
    url: `http://${host}:${actualPort}`,
    close: () => new Promise((done) => server.close(() => done())),
  }
}

/** Listens, turning "address in use" into an error that says which port and what to do. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? new PortInUseError(port, host) : error),
    )
    server.listen(port, host, () => done())
  })
}

/** A port the stack needs is taken by another program. */
export class PortInUseError extends Error {
  override name = 'PortInUseError'
  constructor(
    readonly port: number,
    host: string,
  ) {
    super(`Port ${port} on ${host} is already in use. Stop whatever is using it (is another \`npm start\` running?) or pick other ports with KEYSWARM_*_PORT.`)
  }
}
