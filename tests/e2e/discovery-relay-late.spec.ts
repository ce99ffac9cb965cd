import { freePort } from '../../scripts/lib/startStack'
import { expect } from './fixtures'
import { networkTest as test } from './support/networkTest'
import { linkOn } from './torrent-helpers/linkOn'
import { seedFromHome } from './torrent-helpers/seedFromHome'

test('a Nostr relay that is down when peers start is dialled again, and they meet there once it is up', async ({ network }) => {
  test.setTimeout(150_000)
  // Each person knows one tracker the other does not: the relay is the only way they can meet.
  const t1 = await network.tracker()
  const t2 = await network.tracker()
  const relayPort = await freePort()
  const relayUrl = `ws://127.0.0.1:${relayPort}`
  const a = await network.person({ trackers: [t1.url], relays: [relayUrl] })
  const b = await network.person({ trackers: [t2.url], relays: [relayUrl] })

  const notes = `Late relay ${Date.now()} ${Math.random()}\n${'relay '.repeat(2000)}`
  const { shareLink } = await seedFromHome(a.context, [
    { name: 'late.txt', mimeType: 'text/plain', buffer: Buffer.from(notes) },
  ])
  const viewer = await b.context.newPage()
  await viewer.goto(linkOn(b.origin, shareLink))
  const relayState = viewer.locator(`[data-testid="relay-state"][data-url="${relayUrl}"]`)
  await expect(relayState).toHaveAttribute('data-state', 'unreachable', { timeout: 30_000 })
  await expect(viewer.getByTestId('torrent-status')).toHaveAttribute('data-peers', '0')

  await network.relay(relayPort)
  await expect(relayState).toHaveAttribute('data-state', 'connected', { timeout: 60_000 })
  await expect(viewer.getByTestId('text-preview')).toContainText('Late relay', { timeout: 60_000 })
  await expect(viewer.getByTestId('peers-via-nostr')).not.toHaveText('0')
})
