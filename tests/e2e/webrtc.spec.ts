import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'

test('two browser contexts exchange files over WebRTC through the local tracker', async ({ openContext }) => {
  const seeder = await (await openContext()).newPage()
  await seeder.goto('/')
  const notes = `Notes from the seeder ${Date.now()}\n${'peer to peer '.repeat(4000)}`
  const readme = `Readme ${Math.random()}`
  await seeder.getByTestId('file-input').setInputFiles([
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from(notes) },
    { name: 'readme.md', mimeType: 'text/markdown', buffer: Buffer.from(readme) },
  ])
  const shareLink = await seeder.getByTestId('share-link').inputValue()
  expect(shareLink).toMatch(/\/watch\/\?id=[0-9a-f]{40}$/)
  await expect(seeder.getByTestId('magnet-link')).toHaveValue(/^magnet:\?xt=urn:btih:[0-9a-f]{40}/)
  await expect(seeder.getByTestId('torrent-status')).toHaveAttribute('data-done', 'true')

  const leecher = await (await openContext()).newPage()
  await leecher.goto(shareLink)
  // The first viewable file shows inline as soon as its pieces arrive from the other context.
  await expect(leecher.getByTestId('text-preview')).toContainText('Notes from the seeder')
  expect(await leecher.getByTestId('text-preview').textContent()).toBe(notes)
  await expect(leecher.getByTestId('torrent-status')).toHaveAttribute('data-done', 'true')
  await expect(leecher.getByTestId('peers')).not.toHaveText('0')

  // Several files per torrent: the second one opens from the file list.
  await leecher.getByRole('button', { name: /readme\.md/ }).click()
  await expect(leecher.getByTestId('text-preview')).toHaveText(readme)

  // Any file can be saved: the service worker streams it to the browser's download manager.
  const [download] = await Promise.all([leecher.waitForEvent('download'), leecher.getByTestId('save-file').click()])
  expect(download.suggestedFilename()).toBe('readme.md')
  expect(await readFile((await download.path())!, 'utf8')).toBe(readme)
})
