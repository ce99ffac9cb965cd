import { type BrowserContext, type Page, test as base, expect } from '@playwright/test'
import { type Address, type Hex, createPublicClient, createTestClient, http } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import type { Deployment } from '../../lib/chain/deployments/index'
import { installTestWallet } from './support/installTestWallet'
import { type SecondChain, devMnemonic } from '../../scripts/lib/startStack'
import { traceContext } from './support/traceContext'

/** The local stack global-setup started for this run. */
export type E2EStack = {
  rpcUrl: string
  trackerUrl: string
  relayUrl: string
  webUrl: string
  deployment: Deployment
  /**
   * anvil itself, when the page's `rpcUrl` is a rate-limited endpoint in front of it: the injected
   * wallet (a wallet has its own RPC) and the `chain` clients use it, so checks spend no page budget.
   */
  chainRpcUrl?: string
  /** The stack's second local chain (chain id 31338, "Anvil B"), deployed at the same addresses. */
  secondChain?: SecondChain
}

export type OpenContextOptions = {
  /** Index of the anvil dev account the injected wallet holds; no wallet when omitted. */
  account?: number
  /**
   * Another copy of the site to open instead of the stack's (its URL with the base path and a
   * trailing slash, e.g. the subpath build on a plain host): the context's `baseURL`. Such a host
   * tells the page nothing, so the browser itself holds the stack's addresses in the cookie
   * lib/config.ts reads, as the stack's own server would have set it.
   */
  site?: string
}

/** Clients on the stack's chain, as the `chain` fixture hands them out. */
export type E2EChain = { public: ReturnType<typeof createPublicClient>; test: ReturnType<typeof createTestClient> }

type Fixtures = {
  stack: E2EStack
  /** A fresh browser context on the stack (a separate person: own storage, own wallet account). */
  openContext: (options?: OpenContextOptions) => Promise<BrowserContext>
  /** Clients on the local chain, for checks and for moving time (anvil's test methods). */
  chain: E2EChain
}

/**
 * The address of anvil's dev account `index` (0–44; the stack starts anvil with 45). Each journey
 * owns its accounts so that none sees another's listings, agents or nonces: 0 deploys, 1–4 the
 * foundation, 5–9 the paid journeys, 10–13 the library, 14–16 embedding, 17–20 publishing,
 * 21–24 the agent, 25–27 streaming, 28 the account-secret cache, 29–32 seeder earnings, 33–34 the
 * subpath deploy, 35–38 the library-creator journey's retries, 39–40 the Firefox journeys, 41 the chain switch, 42 the library faults,
 * 43–44 the paid interop journey (creator, buyer).
 */
export function devAccount(index: number): Address {
  return mnemonicToAccount(devMnemonic, { addressIndex: index }).address
}

export const test = base.extend<Fixtures>({
  stack: async ({}, use) => {
    const raw = process.env.KEYSWARM_E2E_STACK
    if (!raw) throw new Error('KEYSWARM_E2E_STACK is unset: run the e2e tests through playwright.config.ts.')
    await use(JSON.parse(raw) as E2EStack)
  },
  openContext: async ({ browser, stack }, use) => {
    const contexts: BrowserContext[] = []
    await use(async ({ account, site } = {}) => {
      const context = await browser.newContext({ baseURL: site ?? stack.webUrl })
      if (site)
        await context.addCookies([
          {
            name: 'keyswarm-stack',
            value: encodeURIComponent(
              JSON.stringify({
                rpcUrl: stack.rpcUrl,
                trackers: [stack.trackerUrl],
                relays: [stack.relayUrl],
                ...(stack.secondChain && { chainRpcUrls: { [stack.secondChain.chainId]: stack.secondChain.rpcUrl } }),
              }),
            ),
            url: new URL(site).origin,
          },
        ])
      if (account !== undefined)
        await context.addInitScript(installTestWallet, {
          rpcUrl: stack.chainRpcUrl ?? stack.rpcUrl,
          address: devAccount(account),
          chainId: anvil.id,
        })
      if (process.env.KEYSWARM_E2E_DEBUG) traceContext(context, contexts.length, process.env.KEYSWARM_E2E_DEBUG)
      contexts.push(context)
      return context
    })
    for (const context of contexts) await context.close()
  },
  chain: async ({ stack }, use) => {
    const transport = http(stack.chainRpcUrl ?? stack.rpcUrl)
    await use({
      public: createPublicClient({ chain: anvil, transport }),
      test: createTestClient({ chain: anvil, mode: 'anvil', transport }),
    })
  },
})

/** Collects console errors and uncaught exceptions of a page, for "renders without errors" checks. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  return errors
}

/** Connects the injected test wallet through RainbowKit's modal, as a person would. */
export async function connectTestWallet(page: Page) {
  await page.getByRole('button', { name: 'Connect wallet' }).click()
  await page.getByRole('button', { name: /Test Wallet/ }).click()
  await expect(page.getByTestId('wallet-address')).toBeVisible()
}

export type { Hex }
export { expect }
