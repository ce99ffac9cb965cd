import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type WebTorrent from 'webtorrent/dist/webtorrent.min.js'
import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { expect, test } from './fixtures'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'
import { openPlainWebTorrent } from './torrent-helpers/openPlainWebTorrent'
import { seedFromHome } from './torrent-helpers/seedFromHome'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

test('a magnet link seeded by a plain WebTorrent client plays in Keyswarm', async ({ openContext, stack }) => {
  const plain = await openPlainWebTorrent(await openContext(), { 'clip.mp4': clip })
  const magnet = await plain.evaluate(async (tracker) => {
    const bytes = await (await fetch('/clip.mp4')).arrayBuffer()
    const client = (window as unknown as { client: WebTorrent }).client
    return new Promise<string>((resolve) =>
      client.seed(new File([bytes], 'plain-clip.mp4', { type: 'video/mp4' }), { announce: [tracker] }, (t: Torrent) => resolve(t.magnetURI)),
    )
  }, stack.trackerUrl)
  expect(magnet).toMatch(/^magnet:\?xt=urn:btih:/)

  const viewer = await (await openContext()).newPage()
  await viewer.goto(`/watch?magnet=${encodeURIComponent(magnet)}`)
  await expect(viewer.getByTestId('torrent-name')).toHaveText('plain-clip.mp4')
  await expectVideoPlays(viewer)
})

test('a torrent seeded by Keyswarm downloads in a plain WebTorrent client', async ({ openContext }) => {
  const bytes = await readFile(clip)
  const { magnet } = await seedFromHome(await openContext(), [{ name: 'clip.mp4', mimeType: 'video/mp4', buffer: bytes }])

  const plain = await openPlainWebTorrent(await openContext())
  const digest = await plain.evaluate(
    (magnetURI) =>
      new Promise<string>((resolve, reject) => {
        const client = (window as unknown as { client: WebTorrent }).client
        client.add(magnetURI, {}, (torrent: Torrent) => {
          torrent.on('error', reject)
          const finish = async () => {
            const data = await torrent.files[0]!.arrayBuffer()
            const hash = await crypto.subtle.digest('SHA-256', data)
            resolve(Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join(''))
          }
          if (torrent.done) void finish()
          else torrent.once('done', finish)
        })
      }),
    magnet,
  )
  expect(digest).toBe(createHash('sha256').update(bytes).digest('hex'))
})
