import type { Page } from '@playwright/test'

/** Counts the wallet's `personal_sign` requests from `page` (the test wallet forwards them to anvil). */
export function countSignatures(page: Page): { count: number } {
  const seen = { count: 0 }
  page.on('request', (request) => {
    if (request.method() === 'POST' && /"method":"personal_sign"/.test(request.postData() ?? '')) seen.count++
  })
  return seen
}
