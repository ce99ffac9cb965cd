import type { BrowserContext } from '@playwright/test'
import { startRelay } from '../../../scripts/lib/startRelay'
import { startTracker } from '../../../scripts/lib/startStack'
import { test } from '../fixtures'
import { startPersonSite } from '../torrent-helpers/startPersonSite'
import { traceContext } from './traceContext'

/** A tracker or Nostr relay a test started: its `ws://` address and how to stop it early. */
export type TestServer = { url: string; stop: () => Promise<unknown> }

/** A person of a test network: a browser context on a copy of the site that knows only their trackers and relays. */
export type TestPerson = { context: BrowserContext; origin: string }

/** A test's own discovery network. Everything it starts stops when the test ends, whatever happened. */
export type TestNetwork = {
  /** A WebSocket tracker on a free port. */
  tracker(): Promise<TestServer>
  /** A Nostr relay on `port` (a free one by default). */
  relay(port?: number): Promise<TestServer>
  /** A person whose app knows exactly these trackers and relays (none of the shared stack's). */
  person(network: { trackers: string[]; relays?: string[] }): Promise<TestPerson>
}

/**
 * The e2e `test` with a `network` fixture: trackers, relays and people that know only some of
 * them, the setup of every discovery journey, stopped at the end of the test (the latest first).
 *
 * @example
 * networkTest('meets through the relay', async ({ network }) => {
 *   const relay = await network.relay()
 *   const a = await network.person({ trackers: [(await network.tracker()).url], relays: [relay.url] })
 * })
 */
export const networkTest = test.extend<{ network: TestNetwork }>({
  network: async ({ browser, stack }, use) => {
    const stops: (() => Promise<unknown>)[] = []
    const started = <T extends { stop: () => Promise<unknown> }>(server: T) => (stops.push(server.stop), server)
    let people = 0
    await use({
      tracker: async () => started(await startTracker(0)),
      relay: async (port = 0) => started(await startRelay(port)),
      person: async ({ trackers, relays = [] }) => {
        const site = started(await startPersonSite(browser, { rpcUrl: stack.rpcUrl, trackers, relays }))
        // Traced like openContext's contexts, numbered from 100 so that the two never share a number.
        if (process.env.KEYSWARM_E2E_DEBUG) traceContext(site.context, 100 + people++, process.env.KEYSWARM_E2E_DEBUG)
        return { context: site.context, origin: site.origin }
      },
    })
    for (const stop of stops.reverse()) await stop().catch(() => {})
  },
})
