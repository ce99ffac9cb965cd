import { connectTestWallet, expect, test } from './fixtures'
import { listOnChain } from './support/listOnChain'

// /library while the chain's endpoint is slow, then down: a loading state the page reports, then one
// sentence with a Retry, nothing already shown lost. Account 42 is this journey's own.
const CREATOR = 42

test('/library says it is still reading while the endpoint is slow, and an outage leaves it on screen with a Retry', async ({
  openContext,
  stack,
  chain,
}) => {
  test.setTimeout(120_000)
  const before = `Library faults, before ${Date.now()}`
  await listOnChain(stack, chain, { creator: CREATOR, title: before })
  const context = await openContext({ account: CREATOR })
  const rpcOrigin = new URL(stack.rpcUrl).origin
  let mode: 'slow' | 'down' | 'up' = 'slow'
  // On the context: the page's stream service worker forwards its fetches, which page.route would miss.
  await context.route(
    (url) => url.origin === rpcOrigin,
    async (route) => {
      const body = route.request().postData() ?? ''
      if (mode === 'down') return route.fulfill({ status: 503, body: 'Service Unavailable' })
      if (mode === 'slow' && body.includes('eth_getLogs')) await new Promise((resolve) => setTimeout(resolve, 1500))
      return route.fallback()
    },
  )
  const page = await context.newPage()
  await page.goto('/library')
  await connectTestWallet(page)
  const library = page.getByTestId('library-chain')
  await expect(library).toHaveAttribute('data-state', 'loading')
  await expect(page.getByTestId('library-loading')).toBeVisible()
  mode = 'up'
  await expect(library).toHaveAttribute('data-state', 'done', { timeout: 30_000 })
  await expect(page.getByTestId('library-loading')).toBeHidden()
  await expect(page.getByTestId('creator-section')).toContainText(before)

  // The endpoint goes down: the next look fails, says so, and keeps the listing.
  mode = 'down'
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'Your listings and purchases could not be read from the chain' })
  await expect(alert).toBeVisible({ timeout: 60_000 })
  await expect(library).toHaveAttribute('data-state', 'error')
  await expect(page.getByTestId('creator-section')).toContainText(before)

  // Back up with something new: Retry reads it and the sentence goes.
  const after = `Library faults, after ${Date.now()}`
  await listOnChain(stack, chain, { creator: CREATOR, title: after })
  await alert.getByRole('button', { name: 'Retry' }).click()
  mode = 'up'
  await expect(page.getByTestId('creator-section')).toContainText(after, { timeout: 30_000 })
  await expect(alert).toBeHidden()
  await expect(library).toHaveAttribute('data-state', 'done')
  await expect(page.getByTestId('creator-section')).toContainText(before)
})
