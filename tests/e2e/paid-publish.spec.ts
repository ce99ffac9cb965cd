import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { readListings } from '../../lib/chain/readListings'
import { connectTestWallet, devAccount, expect, test } from './fixtures'
import { publishPaid } from './paid-helpers/publishPaid'
import { storedDirs } from './torrent-helpers/storedDirs'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

test('a creator publishes a paid video and the catalog lists it, newest first', async ({
  openContext,
  chain,
  stack,
}) => {
  const creator = await (await openContext({ account: 5 })).newPage()
  const title = `Paid clip ${Date.now()}`
  const { contentId } = await publishPaid(creator, {
    title,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
  })

  const stored = await chain.public.readContract({
    address: stack.deployment.keyswarm,
    abi: (await import('../../lib/chain/abi/keyswarmAbi')).keyswarmAbi,
    functionName: 'listings',
    args: [contentId],
  })
  expect(stored.creator).toBe(devAccount(5))
  expect(stored.price).toBe(10n ** 16n)

  const visitor = await (await openContext()).newPage()
  await visitor.goto('/')
  const first = visitor.getByTestId('catalog-item').first()
  await expect(first).toContainText(title)
  await expect(first).toContainText('0.01 ETH')
  await visitor.getByRole('searchbox', { name: 'Search listings' }).fill('no such thing')
  await expect(visitor.getByTestId('catalog-item')).toHaveCount(0)
  await visitor.getByRole('searchbox', { name: 'Search listings' }).fill(title)
  await expect(visitor.getByTestId('catalog-item')).toHaveCount(1)
  await expect(visitor.getByTestId('catalog-item').getByRole('link')).toHaveAttribute(
    'href',
    `/watch/?listing=${contentId}`,
  )
})

test('a listing refused in the wallet leaves nothing seeding, remembered or stored, and publishing again works', async ({
  openContext,
  chain,
  stack,
}) => {
  const creator = await (await openContext({ account: 5 })).newPage()
  await creator.goto('/publish')
  await connectTestWallet(creator)
  await creator.getByTestId('publish-files').setInputFiles({
    name: 'clip.mp4',
    mimeType: 'video/mp4',
    buffer: await readFile(clip),
  })
  await creator.getByLabel('Title').fill(`Refused ${Date.now()}`)
  const before = await readListings(chain.public as never, { deployment: stack.deployment, creator: devAccount(5) })

  // The account message is signed, the files encrypted and seeded; only the listing transaction is refused.
  await creator.evaluate(() =>
    (window as unknown as { __testWallet: { rejectNext(method: string): void } }).__testWallet.rejectNext(
      'eth_sendTransaction',
    ),
  )
  await creator.getByRole('button', { name: 'Publish and list' }).click()
  await expect(creator.getByTestId('publish-error')).toHaveText('You rejected the request in your wallet.')
  // The error shows once the attempt is undone: no torrent remembered (with its key) to seed after a
  // reload, no pieces, no ciphertext.
  expect(await libraryEntries(creator)).toBe(0)
  expect(await storedDirs(creator)).toEqual(['keyswarm-publish'])
  expect(await encryptedFolders(creator)).toEqual([])
  expect(await readListings(chain.public as never, { deployment: stack.deployment, creator: devAccount(5) })).toEqual(
    before,
  )

  await creator.getByRole('button', { name: 'Publish and list' }).click()
  await expect(creator.getByTestId('publish-result')).toBeVisible({ timeout: 60_000 })
  expect(await libraryEntries(creator)).toBe(1)
  expect(await encryptedFolders(creator)).toHaveLength(1)
})

/** How many torrents the tab's library remembers (what it seeds again after a reload). */
function libraryEntries(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('keyswarm-library')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('torrents')) return resolve(0)
          const count = db.transaction('torrents').objectStore('torrents').count()
          count.onsuccess = () => resolve(count.result)
          count.onerror = () => reject(count.error)
        }
      }),
  )
}

/** The folders of ciphertext the publish flow keeps in OPFS, one per listing attempt. */
function encryptedFolders(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory()
    const parent = await root.getDirectoryHandle('keyswarm-publish', { create: true })
    const names: string[] = []
    for await (const name of (parent as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name)
    return names
  })
}
