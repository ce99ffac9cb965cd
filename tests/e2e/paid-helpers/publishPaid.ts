import type { Page } from '@playwright/test'
import { connectTestWallet, expect } from '../fixtures'

/** Parameters of {@link publishPaid}. */
export type PublishPaidParameters = {
  title: string
  file: { name: string; mimeType: string; buffer: Buffer }
  price?: string
  currency?: 'eth' | 'stablecoin'
}

/** Publishes a paid listing through /publish as its creator would; returns its content id. */
export async function publishPaid(
  page: Page,
  { title, file, price = '0.01', currency = 'eth' }: PublishPaidParameters,
) {
  await page.goto('/publish')
  await connectTestWallet(page)
  await page.getByTestId('publish-files').setInputFiles(file)
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Description').fill(`About ${title}`)
  await page.getByLabel('Price').fill(price)
  await page.getByLabel('Currency').selectOption(currency)
  await page.getByRole('button', { name: 'Publish and list' }).click()
  const result = page.getByTestId('publish-result')
  await expect(result).toBeVisible({ timeout: 60_000 })
  const heading = await result.getByRole('heading').innerText()
  const contentId = BigInt(/#(\d+)/.exec(heading)![1]!)
  return { contentId }
}
