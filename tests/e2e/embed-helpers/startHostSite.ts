import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A creator's own web site: pages to embed the player in. */
export type HostSite = {
  /** `http://<hostname>:<port>`. */
  origin: string
  /** Serves `html` at `path` from now on; returns the page's URL. */
  page: (path: string, html: string) => string
  close: () => Promise<void>
}

/**
 * Starts a tiny HTTP server on 127.0.0.1 (a free port) that serves the pages a test gives it.
 * Named `127.0.0.1` (the default), it is another origin than the app, on the same site;
 * named `localhost`, it is another site altogether: the frame is then a third party, with
 * partitioned storage and no first-party cookies, as on a creator's real domain.
 */
export async function startHostSite({
  hostname = '127.0.0.1',
}: { hostname?: '127.0.0.1' | 'localhost' } = {}): Promise<HostSite> {
  const pages = new Map<string, string>()
  const server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://localhost').pathname)
    if (html === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://${hostname}:${(server.address() as AddressInfo).port}`
  return {
    origin,
    page: (path, html) => {
      pages.set(path, html)
      return `${origin}${path}`
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
