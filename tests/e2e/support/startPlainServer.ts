import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

/** A plain static host serving one folder under a path. */
export type PlainServer = {
  /** `http://127.0.0.1:<port>`. */
  origin: string
  /** `<origin><mount>/`: where the served folder's index.html answers. */
  url: string
  /** Every request it answered, as `<status> <path>`, in order. */
  log: string[]
  close: () => Promise<void>
}

// What Python's mimetypes answers for the export's files (a service worker must be JavaScript).
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.svg': 'image/svg+xml',
  '.ico': 'image/vnd.microsoft.icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

/** Parameters of `startPlainServer`. */
export type PlainServerParameters = {
  /** The folder to serve. */
  root: string
  /** The path it is served under, e.g. `/keyswarm`. */
  mount: string
  /**
   * A host that serves the site's `404.html` for a missing file and does not redirect a folder's
   * name to the folder (some object stores' website modes) instead of Python's plain behaviour.
   */
  notFoundPage?: boolean
}

/**
 * Serves `root` at `mount` exactly the way Python's `http.server` maps URLs to files, which is
 * also what IPFS gateways do: `/dir/` answers `dir/index.html`, `/dir` answers a 301 to `/dir/`
 * (query kept), `/file` answers that file, and anything else is a plain 404. No `.html` guessing,
 * no rewrites, no cookies: the site gets no help.
 */
export async function startPlainServer({
  root,
  mount,
  notFoundPage = false,
}: PlainServerParameters): Promise<PlainServer> {
  const log: string[] = []
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const answer = (status: number, headers: Record<string, string> = {}, body = '') => {
      log.push(`${status} ${url.pathname}`)
      res.writeHead(status, headers).end(body)
    }
    const path = decodeURIComponent(url.pathname)
    if (path !== mount && !path.startsWith(`${mount}/`))
      return answer(404, { 'content-type': 'text/plain' }, 'Not found')
    const file = normalize(join(root, path.slice(mount.length)))
    if (file !== root && !file.startsWith(root + sep)) return answer(404, { 'content-type': 'text/plain' }, 'Not found')
    let info = await stat(file).catch(() => undefined)
    let served = file
    if (info?.isDirectory()) {
      if (path.endsWith('/')) {
        served = join(file, 'index.html')
        info = await stat(served).catch(() => undefined)
      } else if (notFoundPage)
        info = undefined // A folder's name is no file.
      else return answer(301, { location: `${url.pathname}/${url.search}` })
    }
    let status = 200
    if (!info?.isFile() && notFoundPage) {
      served = join(root, '404.html')
      info = await stat(served).catch(() => undefined)
      status = 404
    }
    if (!info?.isFile()) return answer(404, { 'content-type': 'text/plain' }, 'Not found')
    log.push(`${status} ${url.pathname}`)
    res.writeHead(status, {
      'content-type': types[extname(served)] ?? 'application/octet-stream',
      'content-length': String(info.size),
    })
    if (req.method === 'HEAD') res.end()
    else createReadStream(served).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: `${origin}${mount}/`,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
