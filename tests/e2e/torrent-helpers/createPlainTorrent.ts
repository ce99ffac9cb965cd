import type { BrowserContext } from '@playwright/test'
import type WebTorrent from 'webtorrent/dist/webtorrent.min.js'
import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { openPlainWebTorrent } from './openPlainWebTorrent'

/** A torrent made by the unmodified WebTorrent bundle: its .torrent file and magnet link. */
export type PlainTorrent = { infoHash: string; magnet: string; torrentFile: Buffer; name: string }

/**
 * Makes a torrent of `files` in `context` with the unmodified WebTorrent bundle (no tracker), so
 * a test holds a real .torrent (with `urlList` as its BEP 19 `url-list`) without any seeder of
 * its own: close the context and nobody in the swarm has the data.
 */
export async function createPlainTorrent(
  context: BrowserContext,
  {
    files,
    name,
    urlList = [],
  }: { files: { name: string; type: string; bytes: Uint8Array }[]; name?: string; urlList?: string[] },
): Promise<PlainTorrent> {
  const page = await openPlainWebTorrent(context)
  const made = await page.evaluate(
    ({ files, name, urlList }) =>
      new Promise<{ infoHash: string; magnet: string; torrentFile: string; name: string }>((resolve, reject) => {
        const client = (window as unknown as { client: WebTorrent }).client
        const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
        const input = files.map((f) => new File([decode(f.base64)], f.name, { type: f.type }))
        const torrent = client.seed(input, { name, urlList, announce: [] }, (t: Torrent) =>
          resolve({
            infoHash: t.infoHash,
            magnet: t.magnetURI,
            torrentFile: btoa(Array.from(t.torrentFile, (b) => String.fromCharCode(b)).join('')),
            name: t.name,
          }),
        )
        torrent.once('error', reject)
      }),
    {
      files: files.map((f) => ({ name: f.name, type: f.type, base64: Buffer.from(f.bytes).toString('base64') })),
      name,
      urlList,
    },
  )
  return { ...made, torrentFile: Buffer.from(made.torrentFile, 'base64') }
}
