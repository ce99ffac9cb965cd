import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type Address, type Hex, createWalletClient, http, parseEventLogs, zeroAddress, zeroHash } from 'viem'
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import { publicPoint } from '../../lib/crypto'
import { type E2EChain, type E2EStack, expect } from './fixtures'
import { installTestWallet } from './support/installTestWallet'
import { networkTest as test } from './support/networkTest'
import { expectVideoPlays } from './torrent-helpers/expectVideoPlays'
import { seedFromHome } from './torrent-helpers/seedFromHome'

const clip = join(import.meta.dirname, '..', 'fixtures', 'clip.mp4')

/** Everything a test started, stopped at its end whatever happened. */
const stops: (() => Promise<unknown>)[] = []
test.afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop().catch(() => {})
})

type ListArgs = {
  infoHash: string
  size: bigint
  price: bigint
  seedShareBps: number
  trackers: string[]
  title: string
}

/**
 * Lists on the local chain from a fresh account of this test's own (anvil impersonates it), as
 * /publish would: no dev account is shared with another journey. Returns the content id.
 */
async function listOnChain(
  chain: E2EChain,
  stack: E2EStack,
  args: ListArgs,
): Promise<{ contentId: bigint; creator: Address }> {
  const creator = privateKeyToAddress(generatePrivateKey())
  await chain.test.setBalance({ address: creator, value: 10n ** 18n })
  await chain.test.impersonateAccount({ address: creator })
  const paid = args.price > 0n
  const delivery = paid ? publicPoint(generatePrivateKey()) : { x: 0n, y: 0n }
  const wallet = createWalletClient({
    chain: anvil,
    transport: http(stack.chainRpcUrl ?? stack.rpcUrl),
    account: creator,
  })
  const hash = await wallet.writeContract({
    address: stack.deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'list',
    args: [
      {
        infoHash: `0x${args.infoHash}` as Hex,
        size: args.size,
        token: zeroAddress,
        price: args.price,
        seedShareBps: args.seedShareBps,
        keyHash: paid ? (`0x${'ab'.repeat(32)}` as Hex) : zeroHash,
        deliveryX: delivery.x,
        deliveryY: delivery.y,
        title: args.title,
        description: '',
        trackers: args.trackers,
        webSeeds: [],
      },
    ],
  })
  const mined = await chain.public.waitForTransactionReceipt({ hash })
  const contentId = parseEventLogs({ abi: keyswarmAbi, logs: mined.logs, eventName: 'Listed' })[0]!.args.contentId!
  return { contentId, creator }
}

test('the embed and the listing page meet peers on the Nostr relays their link or listing names', async ({
  network,
  chain,
  stack,
}) => {
  test.setTimeout(240_000)
  // The seeder knows tracker T1 and the relay; the viewers know only trackers of their own, so
  // the relay a link or the listing names is their one way to the seeder.
  const t1 = await network.tracker()
  const t2 = await network.tracker()
  const relay = await network.relay()
  const a = await network.person({ trackers: [t1.url], relays: [relay.url] })
  const b = await network.person({ trackers: [t2.url] })

  const bytes = await readFile(clip)
  const { shareLink } = await seedFromHome(a.context, [
    { name: `relays-${Date.now()}.mp4`, mimeType: 'video/mp4', buffer: bytes },
  ])
  const infoHash = new URL(shareLink).searchParams.get('id')!

  // An embed whose address names the relay.
  const embed = await b.context.newPage()
  await embed.goto(`${b.origin}/embed/?id=${infoHash}&autoplay=1&muted=1&relay=${encodeURIComponent(relay.url)}`)
  await expectVideoPlays(embed)
  await embed.close()

  // A listing that names the relay among its trackers (nostr+ws://), read by a viewer whose app knows neither.
  const { contentId } = await listOnChain(chain, stack, {
    infoHash,
    size: BigInt(bytes.length),
    price: 0n,
    seedShareBps: 0,
    trackers: [`nostr+${relay.url}`],
    title: 'Relayed',
  })
  const c = await network.person({ trackers: [t2.url] })
  const viewer = await c.context.newPage()
  await viewer.goto(`${c.origin}/watch/?listing=${contentId}`)
  await expect(viewer.getByTestId('listing-title')).toHaveText('Relayed')
  await expectVideoPlays(viewer)
  await expect(viewer.getByTestId('peers-via-nostr')).not.toHaveText('0')
  await expect(viewer.locator(`[data-testid="relay-state"][data-url="${relay.url}"]`)).toHaveAttribute(
    'data-state',
    'connected',
  )
})

test('a paid listing’s page says that seeding it earns, and which wallet it pays', async ({
  browser,
  chain,
  stack,
}) => {
  test.setTimeout(120_000)
  const { contentId } = await listOnChain(chain, stack, {
    infoHash: 'cd'.repeat(20),
    size: 1_000_000n,
    price: 10n ** 16n,
    seedShareBps: 1_500,
    trackers: [],
    title: 'Earning',
  })

  const visitor = await (await browser.newContext({ baseURL: stack.webUrl })).newPage()
  stops.push(() => visitor.context().close())
  await visitor.goto(`/watch?listing=${contentId}`)
  await expect(visitor.getByTestId('seeding-earn-hint')).toContainText('Connect a wallet to earn from seeding')
  await expect(visitor.getByTestId('seeding-earn-hint')).toContainText('15% of the price')

  const holder = privateKeyToAddress(generatePrivateKey())
  const context = await browser.newContext({ baseURL: stack.webUrl })
  stops.push(() => context.close())
  await context.addInitScript(installTestWallet, {
    rpcUrl: stack.chainRpcUrl ?? stack.rpcUrl,
    address: holder,
    chainId: anvil.id,
  })
  const page = await context.newPage()
  await page.goto(`/watch?listing=${contentId}`)
  await page.getByRole('button', { name: 'Connect wallet' }).click()
  await page.getByRole('button', { name: /Test Wallet/ }).click()
  await expect(page.getByTestId('seeding-earn-payee')).toHaveAttribute('data-payee', holder)
  await expect(page.getByTestId('seeding-earn-hint')).toHaveCount(0)
})
