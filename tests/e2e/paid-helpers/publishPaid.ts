import type { Page } from '@playwright/test'
import { connectTestWallet, expect } from '../fixtures'

/** A file for a file input: Playwright's `setInputFiles` payload. */
export type InputFile = { name: string; mimeType: string; buffer: Buffer }

/** Parameters of {@link publishPaid}. */
export type PublishPaidParameters = {
  title: string
  file: InputFile
  price?: string
  currency?: 'eth' | 'stablecoin'
  /** Publish as a free listing (no price, no encryption). */
  free?: boolean
  /** A cover image, picked on the form (its preview must show before publishing). */
  cover?: InputFile
  /** Extra trackers and web seeds, typed one per line. */
  trackers?: string
  webSeeds?: string
}

/** Publishes a listing (paid unless `free`) through /publish as its creator would; returns its content id. */
export async function publishPaid(
  page: Page,
  { title, file, price = '0.01', currency = 'eth', free = false, cover, trackers, webSeeds }: PublishPaidParameters,
) {
  // Relative to the context's baseURL, so it also publishes on a site under a base path.
  await page.goto('publish/')
  await connectTestWallet(page)
  await page.getByTestId('publish-files').setInputFiles(file)
  if (free) await page.getByRole('radio', { name: /^Free/ }).check()
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Description').fill(`About ${title}`)
  if (cover) {
    await page.getByTestId('publish-cover').setInputFiles(cover)
    await expect(page.getByTestId('cover-preview')).toBeVisible()
  }
  if (!free) {
    await page.getByLabel('Price').fill(price)
    await page.getByLabel('Currency').selectOption(currency)
  }
  if (trackers !== undefined || webSeeds !== undefined) {
    await page.getByText('Trackers and web seeds (optional)').click()
    if (trackers !== undefined) await page.getByLabel('Extra trackers').fill(trackers)
    if (webSeeds !== undefined) await page.getByLabel('Web seeds').fill(webSeeds)
  }
  await page.getByRole('button', { name: 'Publish and list' }).click()
  const result = page.getByTestId('publish-result')
  await expect(result).toBeVisible({ timeout: 60_000 })
  const heading = await result.getByRole('heading').innerText()
  const contentId = BigInt(/#(\d+)/.exec(heading)![1]!)
  return { contentId }
}
