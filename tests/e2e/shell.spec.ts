import { collectPageErrors, expect, test } from './fixtures'

const routes = [
  { path: '/', heading: /Share files straight from your browser/ },
  { path: '/publish', heading: /publish/i },
  { path: '/library', heading: /library/i },
  { path: '/watch', heading: /./ },
  // The embeddable player fills its frame alone: no site header (see app/_components/SiteChrome).
  { path: '/embed', heading: undefined, chrome: false },
] as const

test('every route of the design renders without console errors', async ({ openContext }) => {
  const page = await (await openContext()).newPage()
  const errors = collectPageErrors(page)
  for (const route of routes) {
    const response = await page.goto(route.path)
    expect(response?.status(), `${route.path} is served`).toBe(200)
    if (route.heading) await expect(page.getByRole('heading', { level: 1, name: route.heading }).first()).toBeVisible()
    await page.waitForLoadState('networkidle')
    const chrome = !('chrome' in route) || route.chrome
    await expect(page.getByRole('link', { name: 'Keyswarm', exact: true })).toHaveCount(chrome ? 1 : 0)
  }
  expect(errors).toEqual([])
})

test('the theme toggle switches to dark and the choice survives a reload', async ({ openContext }) => {
  const page = await (await openContext()).newPage()
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/')
  const html = page.locator('html')
  await expect(html).not.toHaveClass(/dark/)
  await page.getByRole('button', { name: 'System theme' }).click() // -> light
  await page.getByRole('button', { name: 'Light theme' }).click() // -> dark
  await expect(html).toHaveClass(/dark/)
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(background).not.toBe('rgb(250, 250, 250)')
  await page.reload()
  await expect(html).toHaveClass(/dark/)
  await expect(page.getByRole('button', { name: 'Dark theme' })).toBeVisible()
})

test('the page learns where the local stack lives from the server', async ({ openContext, stack }) => {
  const page = await (await openContext()).newPage()
  await page.goto('/')
  const told = await page.evaluate(() => {
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('keyswarm-stack='))
    return cookie && JSON.parse(decodeURIComponent(cookie.slice('keyswarm-stack='.length)))
  })
  expect(told).toEqual({
    rpcUrl: stack.rpcUrl,
    trackers: [stack.trackerUrl],
    relays: [stack.relayUrl],
    // The e2e stack's second local chain, by chain id (tests/e2e/global-setup.ts).
    ...(stack.secondChain && { chainRpcUrls: { [stack.secondChain.chainId]: stack.secondChain.rpcUrl } }),
  })
})
