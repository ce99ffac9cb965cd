import { expect, test } from './fixtures'
import { listOnChain } from './support/listOnChain'

// The catalog when the chain's endpoint fails: one sentence and a Retry, nothing already shown lost.
// Account 29 is this journey's own (see devAccount in fixtures.ts).
const CREATOR = 29

test('an endpoint that goes down leaves the catalog on screen with a sentence and a Retry that reads again', async ({
  openContext,
  stack,
  chain,
}) => {
  test.setTimeout(120_000)
  const before = `Before the outage ${Date.now()}`
  await listOnChain(stack, chain, { creator: CREATOR, title: before })
  const page = await (await openContext()).newPage()
  await page.goto('/')
  const catalog = page.getByTestId('catalog')
  await expect(catalog.getByTestId('catalog-item').filter({ hasText: before })).toBeVisible()
  await expect(catalog).toHaveAttribute('data-state', 'done')

  // The page's RPC endpoint stops answering: its next look for new listings fails.
  const rpcOrigin = new URL(stack.rpcUrl).origin
  let down = true
  // On the context: the page's stream service worker forwards its fetches, which page.route would miss.
  await page.context().route(
    (url) => url.origin === rpcOrigin,
    (route) => (down ? route.fulfill({ status: 503, body: 'Service Unavailable' }) : route.fallback()),
  )
  const alert = page.getByRole('alert').filter({ hasText: 'The catalog could not be read from the chain' })
  await expect(alert).toBeVisible({ timeout: 60_000 })
  await expect(alert).toContainText('try again')
  await expect(catalog).toHaveAttribute('data-state', 'error')
  // What was read before stays.
  await expect(catalog.getByTestId('catalog-item').filter({ hasText: before })).toBeVisible()

  // Back up, with something new: Retry reads it and the sentence goes away.
  const after = `After the outage ${Date.now()}`
  await listOnChain(stack, chain, { creator: CREATOR, title: after })
  // Retry is pressed while the endpoint is still down; it comes back right after (the reader's own
  // retries carry the read over), so the page's periodic look cannot clear the alert first.
  await alert.getByRole('button', { name: 'Retry' }).click()
  down = false
  await expect(catalog.getByTestId('catalog-item').filter({ hasText: after })).toBeVisible({ timeout: 30_000 })
  await expect(alert).toBeHidden()
  await expect(catalog.getByTestId('catalog-item').filter({ hasText: before })).toBeVisible()
})
