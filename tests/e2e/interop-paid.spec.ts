import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { publishWithAgentSecrets } from './agent-helpers/publishWithAgentSecrets'
import { startAgentDaemon } from './agent-helpers/startAgentDaemon'
import { connectTestWallet, expect, test } from './fixtures'
import { readListing } from './paid-helpers/readListing'
import { purchaseCount } from './paid-helpers/readPurchase'
import { downloadInPlainClient } from './torrent-helpers/downloadInPlainClient'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'
import { openPlainWebTorrent } from './torrent-helpers/openPlainWebTorrent'
import { plainUploaded } from './torrent-helpers/plainUploaded'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

test('a plain WebTorrent client downloads a paid file’s ciphertext from its creator and serves a buyer every byte, unpaid', async ({
  openContext,
  chain,
  stack,
}) => {
  test.setTimeout(240_000)
  // The creator publishes and seeds with its wallet connected: the receipts extension is on and
  // announces its payout address to every peer that speaks it.
  const creatorContext = await openContext({ account: 43 })
  const creator = await creatorContext.newPage()
  const secretsPath = test.info().outputPath('agent-secrets.json')
  const { contentId } = await publishWithAgentSecrets(creator, {
    title: `Interop ${Date.now()}`,
    file: { name: 'clip.mp4', mimeType: 'video/mp4', buffer: await readFile(clip) },
    secretsPath,
  })
  const listing = await readListing(chain, stack.deployment.keyswarm, contentId)
  const infoHash = listing.infoHash.slice(2).toLowerCase()

  // A bare page with the unmodified WebTorrent bundle joins through the tracker and takes it all.
  const plain = await openPlainWebTorrent(await openContext())
  const copy = await downloadInPlainClient(plain, { infoHash, tracker: stack.trackerUrl })
  expect(copy.infoHash).toBe(infoHash)
  expect(BigInt(copy.length)).toBe(listing.size)
  expect(copy.pieces).toBeGreaterThan(0)
  expect(copy.badPieces).toBe(0)

  // The creator's tab closes: the plain client is the only peer left; the daemon delivers the key.
  await creatorContext.close()
  const stopDaemon = await startAgentDaemon({ rpcUrl: stack.rpcUrl, secretsPath })
  const buyer = await (await openContext({ account: 44 })).newPage()
  try {
    await buyer.goto(`/watch?listing=${contentId}`)
    await connectTestWallet(buyer)
    await buyer.getByRole('button', { name: 'Unlock for 0.01 ETH' }).click()
    await expectVideoPlays(buyer)
    await expect(buyer.getByTestId('torrent-status')).toHaveAttribute('data-done', 'true', { timeout: 60_000 })
  } finally {
    stopDaemon()
  }
  // Every byte came from the plain client, which ignores the extension.
  expect(await plainUploaded(plain, infoHash)).toBeGreaterThanOrEqual(copy.length)

  // It announced no payout address, so the buyer owes it nothing: the purchase's ledger of owed
  // bytes is written (a second after the first verified piece) and names no seeder.
  const purchaseId = await purchaseCount(chain, stack.deployment.keyswarm)
  const owedKey = `owed:${stack.deployment.chainId}:${purchaseId}`
  await expect
    .poll(() => buyer.evaluate(readOwed, owedKey), { timeout: 15_000 })
    .toEqual({})
})

/** The buyer's ledger of owed bytes for one purchase, from the receipts database, or null before it is written. */
async function readOwed(key: string): Promise<unknown> {
  // Opening a database that does not exist yet would create it without the app's store.
  if (!(await indexedDB.databases()).some((db) => db.name === 'keyswarm-receipts')) return null
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('keyswarm-receipts')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      if (!db.objectStoreNames.contains('receipts')) return resolve(null)
      const get = db.transaction('receipts').objectStore('receipts').get(key)
      get.onerror = () => reject(get.error)
      get.onsuccess = () => resolve(get.result ?? null)
    }
  })
}
