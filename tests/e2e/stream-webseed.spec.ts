import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Hex } from 'viem'
import { toShareLink } from '../../lib/torrent/toShareLink'
import { expect, test } from './fixtures'
import { createPlainTorrent } from './torrent-helpers/createPlainTorrent'
import { encryptForTorrent } from './torrent-helpers/encryptForTorrent'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'
import { type WebSeedServer, startWebSeed } from './torrent-helpers/startWebSeed'

// Web seeds (BEP 19): no browser in these tests holds the data. The torrent is made by a plain
// WebTorrent page that is closed before the viewer opens it; only an HTTP server on another
// origin has the bytes.

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')
const knownKey: Hex = `0x${'6b6579737761726d'.repeat(4)}`

let server: WebSeedServer | undefined
test.afterEach(async () => {
  await server?.close()
  server = undefined
})

async function expectPlaysAndSeeks(viewer: Page) {
  await expectVideoPlays(viewer)
  const video = viewer.getByTestId('player-video')
  const target = (await video.evaluate((v: HTMLVideoElement) => v.duration)) * 0.75
  await video.evaluate((v: HTMLVideoElement, t) => {
    v.currentTime = t
  }, target)
  await expectVideoPlays(viewer, { from: target, seconds: 1 })
}

const dataRequests = (s: WebSeedServer) => s.requests.filter((r) => !r.includes('.torrent'))

test('a .torrent whose only source is its url-list web seed plays and seeks', async ({ openContext }) => {
  const bytes = await readFile(clip)
  server = await startWebSeed({ 'clip.mp4': bytes })
  const maker = await openContext()
  const torrent = await createPlainTorrent(maker, {
    files: [{ name: 'clip.mp4', type: 'video/mp4', bytes }],
    urlList: [`${server.origin}/clip.mp4`],
  })
  await maker.close()

  const viewer = await (await openContext()).newPage()
  await viewer.goto('/watch')
  await viewer.getByTestId('torrent-file-input').setInputFiles({
    name: 'clip.mp4.torrent',
    mimeType: 'application/x-bittorrent',
    buffer: torrent.torrentFile,
  })
  await expect(viewer).toHaveURL(new RegExp(`id=${torrent.infoHash}`))
  await expectPlaysAndSeeks(viewer)
  expect(dataRequests(server).length).toBeGreaterThan(0)
  expect(dataRequests(server).every((r) => /^GET \/clip\.mp4 bytes=\d+-\d+$/.test(r))).toBe(true)
})

test("a magnet link's ws= web seed plays, its file list fetched from xs=", async ({ openContext }) => {
  const bytes = await readFile(clip)
  const maker = await openContext()
  // No url-list in this torrent: the web seed comes from the link alone.
  const torrent = await createPlainTorrent(maker, { files: [{ name: 'clip.mp4', type: 'video/mp4', bytes }] })
  await maker.close()
  server = await startWebSeed({ 'clip.mp4': bytes, 'clip.torrent': torrent.torrentFile })

  const magnet = `${torrent.magnet}&xs=${encodeURIComponent(`${server.origin}/clip.torrent`)}&ws=${encodeURIComponent(`${server.origin}/clip.mp4`)}`
  const viewer = await (await openContext()).newPage()
  await viewer.goto(`/watch?magnet=${encodeURIComponent(magnet)}`)
  await expect(viewer.getByTestId('torrent-name')).toHaveText('clip.mp4')
  await expectPlaysAndSeeks(viewer)
  expect(dataRequests(server).length).toBeGreaterThan(0)
})

test('an encrypted torrent plays from a web seed that holds only ciphertext (share link with ws=)', async ({
  openContext,
}) => {
  const plaintext = await readFile(clip)
  const files = await encryptForTorrent(knownKey, [{ name: 'clip.mp4', type: 'video/mp4', bytes: plaintext }])
  const maker = await openContext()
  const torrent = await createPlainTorrent(maker, {
    name: 'paid',
    files: files.map((f) => ({ name: f.name, type: f.mimeType, bytes: f.buffer })),
  })
  await maker.close()
  server = await startWebSeed({
    ...Object.fromEntries(files.map((f) => [f.name, f.buffer])),
    'paid.torrent': torrent.torrentFile,
  })

  // A listing's web seeds in the share link: the .torrent URL gives the file list, the base the data.
  const link = toShareLink({
    site: '',
    infoHash: torrent.infoHash,
    webSeeds: [`${server.origin}/paid.torrent`, `${server.origin}/`],
    keyHex: knownKey.slice(2),
  })
  const viewer = await (await openContext()).newPage()
  await viewer.goto(link)
  await expect(viewer.getByTestId('player-video')).toHaveAttribute('src', /\/clip\.mp4$/)
  await expectPlaysAndSeeks(viewer)
  // Both the manifest and the video's ciphertext came over HTTP; the host never had plaintext.
  const names = new Set(dataRequests(server).map((r) => r.split(' ')[1]!.split('/').pop()))
  expect([...names].sort()).toEqual(files.map((f) => f.name).sort())
})
