import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { subpathBuild } from '../../scripts/lib/subpathBuild'
import { startHostSite } from './embed-helpers/startHostSite'
import { collectPageErrors, connectTestWallet, expect, test } from './fixtures'
import { publishPaid } from './paid-helpers/publishPaid'
import { type PlainServer, startPlainServer } from './support/startPlainServer'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'
import { seedFromHome } from './torrent-helpers/seedFromHome'

// The site built for KEYSWARM_BASE_PATH=/keyswarm (npm run build:subpath), served by a host that
// maps URLs to files and nothing else, as Python's http.server and IPFS gateways do.
const root = join(import.meta.dirname, '..', '..')
const exportDir = join(root, subpathBuild.outDir)
const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

let site: PlainServer
test.beforeAll(async () => {
  if (!existsSync(join(exportDir, 'index.html')))
    throw new Error(`${subpathBuild.outDir}/ is missing: run \`npm run build:subpath\` first (npm test does).`)
  if (statSync(join(exportDir, 'index.html')).mtimeMs < statSync(join(root, 'out', 'index.html')).mtimeMs)
    console.warn(
      `warning: ${subpathBuild.outDir}/ is older than out/; run \`npm run build:subpath\` to test the current code.`,
    )
  site = await startPlainServer({ root: exportDir, mount: subpathBuild.basePath })
})
test.afterAll(async () => {
  await site?.close()
})

/** What the plain host could not answer inside the site: the requests a rewriting server would have saved. */
const missing = () => site.log.filter((line) => line.startsWith('404 '))

test('under a subpath on a plain static host, a dropped file’s share link opens in another browser and plays', async ({
  openContext,
}) => {
  test.setTimeout(150_000)
  const { page: seeder, shareLink } = await seedFromHome(await openContext({ site: site.url }), [
    { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  ])
  expect(seeder.url()).toBe(site.url)
  expect(shareLink).toMatch(new RegExp(`^${site.url}watch/\\?id=[0-9a-f]{40}$`))

  const viewer = await (await openContext({ site: site.url })).newPage()
  const errors = collectPageErrors(viewer)
  await viewer.goto(shareLink)
  await expectVideoPlays(viewer)
  // The service worker lives in the site's folder and streams from there.
  const video = viewer.getByTestId('player-video')
  expect(await video.evaluate((v: HTMLVideoElement) => v.src)).toContain(`${site.url}stream/`)
  expect(
    await viewer.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      return { scope: registration?.scope, script: navigator.serviceWorker.controller?.scriptURL }
    }),
  ).toEqual({ scope: site.url, script: `${site.url}sw.js` })

  // The app's own navigation stays in the site: the header's Library link, then back home.
  await viewer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click()
  await expect(viewer).toHaveURL(`${site.url}library/`)
  await expect(viewer.getByRole('heading', { level: 1 })).toBeVisible()

  // A link made before routes were folders: the host redirects /watch to /watch/, query kept.
  const old = await (await openContext({ site: site.url })).newPage()
  await old.goto(shareLink.replace('/watch/?', '/watch?'))
  await expect(old).toHaveURL(shareLink)
  expect(site.log).toContain('301 /keyswarm/watch')
  await expectVideoPlays(old)
  expect(missing()).toEqual([])
  expect(errors).toEqual([])
})

test('under a subpath on a plain static host, a paid listing’s link opens, unlocks and plays', async ({
  openContext,
}) => {
  test.setTimeout(180_000)
  const creator = await (await openContext({ account: 33, site: site.url })).newPage()
  const title = `Subpath ${Date.now()}`
  const { contentId } = await publishPaid(creator, {
    title,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  })
  expect(creator.url()).toBe(`${site.url}publish/`)
  await expect(creator.getByTestId('agent-status')).toContainText('Delivery agent on')
  // The links the creator copies name the site's folders.
  const link = await creator.getByTestId('listing-link').inputValue()
  expect(link).toBe(`${site.url}watch/?listing=${contentId}`)
  await expect(creator.getByTestId('embed-code')).toHaveValue(
    `<script src="${site.url}embed.js" data-listing="${contentId}"></script>`,
  )
  await expect(creator.getByTestId('embed-iframe')).toHaveValue(
    new RegExp(`^<iframe src="${site.url}embed/\\?listing=${contentId}"`),
  )

  const buyer = await (await openContext({ account: 34, site: site.url })).newPage()
  await buyer.goto(link)
  await expect(buyer.getByTestId('listing-title')).toHaveText(title)
  await connectTestWallet(buyer)
  await buyer.getByRole('button', { name: 'Unlock for 0.01 ETH' }).click()
  await expectVideoPlays(buyer)
  await expect(creator.getByTestId('agent-status')).toHaveAttribute('data-delivered', '1')
  expect(missing()).toEqual([])
})

test('under a subpath on a plain static host, embed.js on another origin plays a free file', async ({
  openContext,
}) => {
  test.setTimeout(150_000)
  const { shareLink } = await seedFromHome(await openContext({ site: site.url }), [
    { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  ])
  const infoHash = new URL(shareLink).searchParams.get('id')!
  const host = await startHostSite()
  try {
    const viewer = await (await openContext({ site: site.url })).newPage()
    await viewer.goto(
      host.page(
        '/film',
        `<!doctype html><html><head><link rel="icon" href="data:,"><title>A creator's site</title></head><body>
<div style="width:640px"><script src="${site.url}embed.js" data-id="${infoHash}" data-muted="1"></script></div>
</body></html>`,
      ),
    )
    // embed.js found the site from its own URL: the frame loads the site's embed/ folder.
    const src = new URL((await viewer.locator('iframe').getAttribute('src'))!)
    expect(`${src.origin}${src.pathname}`).toBe(`${site.url}embed/`)
    expect(src.searchParams.get('id')).toBe(infoHash)
    await viewer.evaluate(() => window.Keyswarm!.players[0]!.play())
    const video = viewer.frameLocator('iframe').getByTestId('player-video')
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 60_000 })
      .toBeGreaterThan(1)
    expect(await video.evaluate((v: HTMLVideoElement) => v.src)).toContain(`${site.url}stream/${infoHash}/`)
    expect(missing()).toEqual([])
  } finally {
    await host.close()
  }
})

test('opened from an IPFS path gateway, a page says it cannot run there and links to the subdomain form', async ({
  openContext,
}) => {
  // The same files under /ipfs/<cid>/, as a path gateway serves them: the build's base path is not there.
  const cid = 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi'
  const gateway = await startPlainServer({ root: exportDir, mount: `/ipfs/${cid}` })
  try {
    const page = await (await openContext()).newPage()
    await page.goto(`${gateway.url}watch/?id=abc#key=00`)
    const notice = page.getByTestId('path-gateway-notice')
    await expect(notice).toContainText('Keyswarm cannot run from an IPFS path gateway')
    await expect(notice.getByRole('link')).toHaveAttribute('href', `https://dweb.link/ipfs/${cid}/watch/?id=abc#key=00`)
  } finally {
    await gateway.close()
  }
})

test('an old /watch? link on a host that answers 404.html instead of redirecting goes on to the watch folder', async ({
  openContext,
}) => {
  const bare = await startPlainServer({ root: exportDir, mount: subpathBuild.basePath, notFoundPage: true })
  try {
    const page = await (await openContext({ site: bare.url })).newPage()
    await page.goto(`${bare.url}watch?id=${'ab'.repeat(20)}#key=${'00'.repeat(32)}`)
    await expect(page).toHaveURL(`${bare.url}watch/?id=${'ab'.repeat(20)}#key=${'00'.repeat(32)}`)
    expect(bare.log[0]).toBe('404 /keyswarm/watch')
  } finally {
    await bare.close()
  }
})
