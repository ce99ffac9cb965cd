import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type Address, createWalletClient, http } from 'viem'
import { anvil } from 'viem/chains'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import { readListings } from '../../lib/chain/readListings'
import { connectTestWallet, devAccount, expect, test } from './fixtures'
import { countSignatures } from './paid-helpers/countSignatures'
import { publishPaid } from './paid-helpers/publishPaid'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'

const fixtures = join(import.meta.dirname, '..', 'fixtures')
/** `PAID_PREFETCH_BYTES` of components/catalog/useListingTorrent.ts. */
const prefetchBytes = 1024 * 1024

test('a creator restores their listings on a new device with one signature, and its agent delivers a right key', async ({
  openContext,
  stack,
  chain,
}) => {
  test.setTimeout(180_000)
  const creator = await (await openContext({ account: 18 })).newPage()
  const title = `Restorable ${Date.now()}`
  const clip = await readFile(join(fixtures, 'clip.mp4'))
  const clipSize = clip.length
  const { contentId } = await publishPaid(creator, {
    title,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: clip },
    cover: { name: 'poster.jpg', mimeType: 'image/jpeg', buffer: await readFile(join(fixtures, 'cover.jpg')) },
  })

  // Before buying, and before connecting a wallet: the cover travels in the clear and shows.
  const buyer = await (await openContext({ account: 19 })).newPage()
  await buyer.goto(`/watch?listing=${contentId}`)
  await expect(buyer.getByTestId('listing-title')).toHaveText(title)
  await expect(buyer.getByTestId('listing-cover')).toBeVisible({ timeout: 30_000 })
  await expect(buyer.getByTestId('player-video')).toHaveCount(0)
  // ...and besides it, only the start of the ciphertext (PAID_PREFETCH_BYTES in useListingTorrent).
  const infoHash = /[0-9a-f]{40}/.exec(await buyer.getByTestId('infohash-check').innerText())![0]
  // The page says when the first PAID_PREFETCH_BYTES are in: nothing more may come before Unlock.
  await expect(buyer.getByTestId('paid-watch')).toHaveAttribute('data-prefetched', 'true', { timeout: 30_000 })
  const stored = await buyer.evaluate(
    async (suffix) => {
      type Dir = FileSystemDirectoryHandle & {
        entries(): AsyncIterable<[string, FileSystemHandle]>
        values(): AsyncIterable<FileSystemHandle>
      }
      const root = (await navigator.storage.getDirectory()) as Dir
      let bytes = 0
      for await (const [name, handle] of root.entries()) {
        if (handle.kind !== 'directory' || !name.endsWith(suffix)) continue
        for await (const piece of (handle as Dir).values())
          if (piece.kind === 'file') {
            // A write in progress may rename its file while this walks: a vanished entry is skipped.
            const file = await (piece as FileSystemFileHandle).getFile().catch((error: unknown) => {
              if ((error as Error).name === 'NotFoundError') return undefined
              throw error
            })
            bytes += file?.size ?? 0
          }
      }
      return bytes
    },
    ` - ${infoHash.slice(0, 8)}`,
  )
  console.log(`publish.prefetch_bytes_before_purchase=${stored} of ${clipSize}`)
  expect(stored).toBeGreaterThan(0)
  // The cover, plus the torrent's first MiB of ciphertext (manifest and the start of the video): the
  // rest waits for the key. One piece of slack for the piece that crosses the MiB.
  expect(stored).toBeLessThanOrEqual(prefetchBytes + 256 * 1024 + (await readFile(join(fixtures, 'cover.jpg'))).length)
  expect(stored).toBeLessThan(clipSize)

  // The first device keeps seeding, and its agent would keep delivering from any open Keyswarm tab:
  // the creator revokes that agent on chain, so only the restored device can deliver.
  const firstAgent = (await creator.getByTestId('agent-status').getAttribute('data-agent')) as Address
  await creator.goto('/library')
  const asCreator = createWalletClient({ chain: anvil, transport: http(stack.rpcUrl), account: devAccount(18) })
  const revoke = await asCreator.writeContract({
    address: stack.deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'setAgent',
    args: [firstAgent, false],
  })
  expect((await chain.public.waitForTransactionReceipt({ hash: revoke })).status).toBe('success')

  const device = await (await openContext({ account: 18 })).newPage()
  const signatures = countSignatures(device)
  await device.goto('/publish')
  await connectTestWallet(device)
  await device.getByRole('button', { name: 'Restore my listings' }).click()
  await expect(device.getByTestId('restore-result')).toContainText(`#${contentId}`, { timeout: 30_000 })
  await expect(device.getByTestId('restore-result')).toHaveAttribute('data-restored', '1')
  expect(signatures.count).toBe(1)
  await expect(device.getByTestId('agent-status')).toContainText('Delivery agent on: watching 1 listing', {
    timeout: 30_000,
  })

  await connectTestWallet(buyer)
  await buyer.getByRole('button', { name: 'Unlock for 0.01 ETH' }).click()
  // Only the new device's agent runs: its restored K and c delivered a key the buyer verified.
  await expectVideoPlays(buyer)
  await expect(device.getByTestId('agent-status')).toHaveAttribute('data-delivered', '1')
  await expect(buyer.getByTestId('unlock-error')).toHaveCount(0)

  // The restored secrets also let the creator play their own listing on the new device.
  await device.goto(`/watch?listing=${contentId}`)
  const connect = device.getByRole('button', { name: 'Connect wallet' })
  await expect(device.getByTestId('wallet-address').or(connect)).toBeVisible()
  if (await connect.isVisible()) await connectTestWallet(device)
  await expectVideoPlays(device)
  expect(signatures.count).toBe(1)
})

test('a second device that never restored still takes the next salt, and a third restores every listing', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(120_000)
  const file = { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('paid notes') }
  const first = await (await openContext({ account: 18 })).newPage()
  const a = await publishPaid(first, { title: `Device A ${Date.now()}`, file })
  const second = await (await openContext({ account: 18 })).newPage()
  const b = await publishPaid(second, { title: `Device B ${Date.now()}`, file })

  const keyHashOf = async (contentId: bigint) =>
    (
      await chain.public.readContract({
        address: stack.deployment.keyswarm,
        abi: keyswarmAbi,
        functionName: 'listings',
        args: [contentId],
      })
    ).keyHash
  expect(await keyHashOf(b.contentId)).not.toBe(await keyHashOf(a.contentId))
  const paid = (
    await readListings(chain.public as never, { deployment: stack.deployment, creator: devAccount(18) })
  ).filter((l) => !/^0x0*$/.test(l.keyHash))
  expect(new Set(paid.map((l) => l.keyHash)).size).toBe(paid.length)

  const third = await (await openContext({ account: 18 })).newPage()
  await third.goto('/publish')
  await connectTestWallet(third)
  await third.getByRole('button', { name: 'Restore my listings' }).click()
  await expect(third.getByTestId('restore-result')).toHaveAttribute('data-restored', String(paid.length), {
    timeout: 30_000,
  })
  await expect(third.getByTestId('restore-result')).toContainText(`#${a.contentId}`)
  await expect(third.getByTestId('restore-result')).toContainText(`#${b.contentId}`)
})
