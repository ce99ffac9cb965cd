import type { BrowserContext, Page } from '@playwright/test'
import { expect } from '../fixtures'

/** A file for the drop zone: Playwright's `setInputFiles` payload. */
export type SeedFile = { name: string; mimeType: string; buffer: Buffer }

/**
 * Seeds files from Keyswarm's home page in `context`, as a person picking them would, and waits
 * until the tab seeds them. Returns the page (keep it open: it is the seeder) and the links.
 */
export async function seedFromHome(context: BrowserContext, files: SeedFile[]): Promise<{ page: Page; shareLink: string; magnet: string }> {
  const page = await context.newPage()
  // Relative to the context's baseURL, so it also seeds on a site under a base path.
  await page.goto('./')
  await page.getByTestId('file-input').setInputFiles(files)
  await expect(page.getByTestId('torrent-status')).toHaveAttribute('data-done', 'true', { timeout: 60_000 })
  return {
    page,
    shareLink: await page.getByTestId('share-link').inputValue(),
    magnet: await page.getByTestId('magnet-link').inputValue(),
  }
}
