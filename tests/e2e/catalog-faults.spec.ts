import {
  type Address,
  createWalletClient,
  getAbiItem,
  http,
  keccak256,
  parseEventLogs,
  stringToHex,
  zeroAddress,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import { publicPoint } from '../../lib/crypto'
import { devMnemonic } from '../../scripts/lib/startStack'
import { type E2EChain, type E2EStack, expect, test } from './fixtures'

// The catalog when the chain's endpoint fails: one sentence and a Retry, nothing already shown lost.
// Account 29 is this journey's own (see devAccount in fixtures.ts).
const CREATOR = 29
const delivery = publicPoint(keccak256(stringToHex('catalog-faults delivery secret')))

/** Lists a paid ETH listing titled `title` as the journey's creator, straight on the chain. */
async function list(stack: E2EStack, chain: E2EChain, title: string): Promise<bigint> {
  const wallet = createWalletClient({
    account: mnemonicToAccount(devMnemonic, { addressIndex: CREATOR }),
    chain: anvil,
    transport: http(stack.chainRpcUrl ?? stack.rpcUrl),
  })
  const hash = await wallet.writeContract({
    address: stack.deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'list',
    args: [
      {
        infoHash: '0x4444444444444444444444444444444444444444',
        size: 1_000_000n,
        token: zeroAddress as Address,
        price: 10n ** 16n,
        seedShareBps: 1_000,
        keyHash: `0x${'cd'.repeat(32)}`,
        deliveryX: delivery.x,
        deliveryY: delivery.y,
        title,
        description: 'listed by the catalog-faults journey',
        trackers: [],
        webSeeds: [],
      },
    ],
  })
  const receipt = await chain.public.waitForTransactionReceipt({ hash })
  return parseEventLogs({ abi: [getAbiItem({ abi: keyswarmAbi, name: 'Listed' })], logs: receipt.logs })[0]!.args
    .contentId
}

test('an endpoint that goes down leaves the catalog on screen with a sentence and a Retry that reads again', async ({
  openContext,
  stack,
  chain,
}) => {
  test.setTimeout(120_000)
  const before = `Before the outage ${Date.now()}`
  await list(stack, chain, before)
  const page = await (await openContext()).newPage()
  await page.goto('/')
  const catalog = page.getByTestId('catalog')
  await expect(catalog.getByTestId('catalog-item').filter({ hasText: before })).toBeVisible()
  await expect(catalog).toHaveAttribute('data-state', 'done')

  // The page's RPC endpoint stops answering: its next look for new listings fails.
  const rpcOrigin = new URL(stack.rpcUrl).origin
  let down = true
  // On the context: the page's stream service worker forwards its fetches, which page.route would miss.
  await page.context().route(
    (url) => url.origin === rpcOrigin,
    (route) => (down ? route.fulfill({ status: 503, body: 'Service Unavailable' }) : route.fallback()),
  )
  const alert = page.getByRole('alert').filter({ hasText: 'The catalog could not be read from the chain' })
  await expect(alert).toBeVisible({ timeout: 60_000 })
  await expect(alert).toContainText('try again')
  await expect(catalog).toHaveAttribute('data-state', 'error')
  // What was read before stays.
  await expect(catalog.getByTestId('catalog-item').filter({ hasText: before })).toBeVisible()

  // Back up, with something new: Retry reads it and the sentence goes away.
  const after = `After the outage ${Date.now()}`
  await list(stack, chain, after)
  // Retry is pressed while the endpoint is still down; it comes back right after (the reader's own
  // retries carry the read over), so the page's periodic look cannot clear the alert first.
  await alert.getByRole('button', { name: 'Retry' }).click()
  down = false
  await expect(catalog.getByTestId('catalog-item').filter({ hasText: after })).toBeVisible({ timeout: 30_000 })
  await expect(alert).toBeHidden()
  await expect(catalog.getByTestId('catalog-item').filter({ hasText: before })).toBeVisible()
})
