import { connectTestWallet, expect, test } from './fixtures'
import { countSignatures } from './paid-helpers/countSignatures'

test('the account secret is cached for the browser session only: a reload needs no signature, a new session does', async ({
  openContext,
}) => {
  const context = await openContext({ account: 28 })
  const page = await context.newPage()
  const signatures = countSignatures(page)
  await page.goto('/publish')
  await connectTestWallet(page)
  const restore = async () => {
    await page.getByRole('button', { name: 'Restore my listings' }).click()
    await expect(page.getByTestId('restore-result')).toContainText('No paid listing of yours', { timeout: 30_000 })
  }

  await restore()
  expect(signatures.count).toBe(1)
  await page.reload()
  await restore()
  expect(signatures.count).toBe(1)

  // What the browser does when it closes: session cookies go, and with them the cached secret.
  await context.clearCookies({ name: 'keyswarm-session' })
  await page.reload()
  await restore()
  expect(signatures.count).toBe(2)
  const cached = await page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('keyswarm-paywall')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const all = open.result.transaction('secrets').objectStore('secrets').getAll()
          all.onsuccess = () => resolve(all.result as unknown[])
        }
      }),
  )
  const sessions = cached.filter(
    (value): value is { session: string } => !!value && typeof value === 'object' && 'session' in value,
  )
  expect(sessions).toHaveLength(1)
  expect((await context.cookies()).find((c) => c.name === 'keyswarm-session')?.value).toBe(sessions[0]?.session)
})
