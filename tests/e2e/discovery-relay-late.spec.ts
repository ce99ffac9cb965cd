import { startRelay } from '../../scripts/lib/startRelay'
import { freePort, startTracker } from '../../scripts/lib/startStack'
import { expect, test } from './fixtures'
import { linkOn } from './torrent-helpers/linkOn'
import { seedFromHome } from './torrent-helpers/seedFromHome'
import { startPersonSite } from './torrent-helpers/startPersonSite'

/** Everything the test started, stopped at its end whatever happened. */
const stops: (() => Promise<unknown>)[] = []
test.afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop().catch(() => {})
})

test('a Nostr relay that is down when peers start is dialled again, and they meet there once it is up', async ({
  browser,
  stack,
}) => {
  test.setTimeout(150_000)
  // Each person knows one tracker the other does not: the relay is the only way they can meet.
  const t1 = await startTracker(0)
  stops.push(t1.stop)
  const t2 = await startTracker(0)
  stops.push(t2.stop)
  const relayPort = await freePort()
  const relayUrl = `ws://127.0.0.1:${relayPort}`
  const a = await startPersonSite(browser, { rpcUrl: stack.rpcUrl, trackers: [t1.url], relays: [relayUrl] })
  stops.push(a.stop)
  const b = await startPersonSite(browser, { rpcUrl: stack.rpcUrl, trackers: [t2.url], relays: [relayUrl] })
  stops.push(b.stop)

  const notes = `Late relay ${Date.now()} ${Math.random()}\n${'relay '.repeat(2000)}`
  const { shareLink } = await seedFromHome(a.context, [
    { name: 'late.txt', mimeType: 'text/plain', buffer: Buffer.from(notes) },
  ])
  const viewer = await b.context.newPage()
  await viewer.goto(linkOn(b.origin, shareLink))
  const relayState = viewer.locator(`[data-testid="relay-state"][data-url="${relayUrl}"]`)
  await expect(relayState).toHaveAttribute('data-state', 'unreachable', { timeout: 30_000 })
  await expect(viewer.getByTestId('torrent-status')).toHaveAttribute('data-peers', '0')

  const relay = await startRelay(relayPort)
  stops.push(relay.stop)
  await expect(relayState).toHaveAttribute('data-state', 'connected', { timeout: 60_000 })
  await expect(viewer.getByTestId('text-preview')).toContainText('Late relay', { timeout: 60_000 })
  await expect(viewer.getByTestId('peers-via-nostr')).not.toHaveText('0')
})
