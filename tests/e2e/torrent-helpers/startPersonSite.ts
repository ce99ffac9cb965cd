import { join } from 'node:path'
import type { Browser, BrowserContext } from '@playwright/test'
import { startStaticServer } from '../../../scripts/lib/staticServer'

const outDir = join(import.meta.dirname, '..', '..', '..', 'out')

/** One person's view of the network: the trackers and Nostr relays their app is configured with. */
export type PersonNetwork = { rpcUrl: string; trackers: string[]; relays: string[] }

/**
 * Serves the static export on its own port with its own stack cookie, so that a browser context
 * opened on it knows exactly the trackers and relays given (not the shared stack's), and opens
 * that context. Returns the context and a stop for the server.
 */
export async function startPersonSite(browser: Browser, network: PersonNetwork): Promise<{ context: BrowserContext; origin: string; stop: () => Promise<void> }> {
  const site = await startStaticServer({ root: outDir, port: 0, stack: network })
  const context = await browser.newContext({ baseURL: site.url })
  return {
    context,
    origin: site.url,
    stop: async () => {
      await context.close()
      await site.close()
    },
  }
}
