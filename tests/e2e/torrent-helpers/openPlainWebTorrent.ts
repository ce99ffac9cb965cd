import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { BrowserContext, Page } from '@playwright/test'

const root = join(import.meta.dirname, '..', '..', '..')

/**
 * Opens a bare page running the unmodified WebTorrent browser bundle
 * (node_modules/webtorrent/dist/webtorrent.min.js) as `window.client`. The page comes from its
 * own loopback HTTP server (a real 127.0.0.1 origin: pages fulfilled by Playwright count as
 * public and Chromium's local network access checks then block the local tracker). `files` are
 * served beside it. The server closes with the context.
 */
export async function openPlainWebTorrent(context: BrowserContext, files: Record<string, string> = {}): Promise<Page> {
  const bundle = await readFile(join(root, 'node_modules', 'webtorrent', 'dist', 'webtorrent.min.js'))
  const html = `<!doctype html><meta charset="utf-8"><title>Plain WebTorrent</title>
<script type="module">
import WebTorrent from './webtorrent.min.js'
window.client = new WebTorrent()
window.client.on('error', (e) => console.error('plain client error', e))
document.title = 'ready'
</script>`
  const server = createServer(async (request, response) => {
    const name = new URL(request.url ?? '/', 'http://x').pathname.slice(1)
    const file = files[name]
    if (name === '') response.writeHead(200, { 'Content-Type': 'text/html' }).end(html)
    else if (name === 'webtorrent.min.js') response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle)
    else if (file) response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(await readFile(file))
    else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  context.once('close', () => server.close())
  const page = await context.newPage()
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
  await page.waitForFunction(() => document.title === 'ready')
  return page
}
