import { collectPageErrors, expect, test } from './fixtures'
import { seedFromHome } from './torrent-helpers/seedFromHome'
import { storedDirs } from './torrent-helpers/storedDirs'

const removedSentence = 'It was removed from your library'

test('a torrent removed in one tab stops in every tab of the site, and nobody seeds it any more', async ({
  openContext,
}) => {
  const text = `Removed everywhere ${Date.now()}`
  const context = await openContext()
  // Three tabs of one browser run the same torrent: the one that shared it, a player, the library.
  const { page: home, shareLink } = await seedFromHome(context, [
    { name: 'everywhere.txt', mimeType: 'text/plain', buffer: Buffer.from(text) },
  ])
  const infoHash = shareLink.slice(-40)
  const watch = await context.newPage()
  await watch.goto(`/watch?id=${infoHash}`)
  await expect(watch.getByTestId('text-preview')).toHaveText(text)
  await expect(watch.getByTestId('torrent-status')).toHaveAttribute('data-done', 'true')
  const library = await context.newPage()
  await library.goto('/library')
  const item = library.locator(`[data-infohash="${infoHash}"]`)
  await expect(item.getByTestId('torrent-status')).toHaveAttribute('data-done', 'true')
  const errors = [home, watch, library].map((page) => collectPageErrors(page))

  await item.getByRole('button', { name: 'Remove' }).click()
  await expect(item).toHaveCount(0)

  // The other tabs stop it and say why, in words; nothing offers to retry a removal.
  for (const page of [watch, home]) {
    await expect(page.getByTestId('stall')).toContainText(removedSentence)
    await expect(page.getByTestId('retry')).toHaveCount(0)
  }
  // None of them writes its pieces back, nor puts it back in the library.
  expect((await storedDirs(watch)).filter((name) => name.endsWith(infoHash.slice(0, 8)))).toEqual([])
  await library.reload()
  await expect(library.getByText('Nothing yet.')).toBeVisible()

  // Nobody seeds it any more: a newcomer finds no peer at all (a tab seeding on would be one).
  const newcomer = await (await openContext()).newPage()
  await newcomer.goto(shareLink)
  await expect(newcomer.getByTestId('stall')).toContainText('No peers yet: nobody is sharing this right now', {
    timeout: 20_000,
  })
  await expect(newcomer.getByTestId('peers')).toHaveText('0')

  expect(errors.flat()).toEqual([])
})
