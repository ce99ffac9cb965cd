import { type BrowserContext, type Page, test as base, expect } from '@playwright/test'
import { type Address, type Hex, createPublicClient, createTestClient, http } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import type { Deployment } from '../../lib/chain/deployments/index'
import { installTestWallet } from './support/installTestWallet'
import { devMnemonic } from '../../scripts/lib/startStack'

/** The local stack global-setup started for this run. */
export type E2EStack = { rpcUrl: string; trackerUrl: string; webUrl: string; deployment: Deployment }

export type OpenContextOptions = {
  /** Index of the anvil dev account the injected wallet holds; no wallet when omitted. */
  account?: number
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
 * The address of anvil's dev account `index` (0–32; the stack starts anvil with 33). Each journey
 * owns its accounts so that none sees another's listings, agents or nonces: 0 deploys, 1–4 the
 * foundation, 5–9 the paid journeys, 10–13 the library, 14–16 embedding, 17–20 publishing,
 * 21–24 the agent, 25–27 streaming, 28 the account-secret cache, 29–31 seeder earnings.
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
    await use(async ({ account } = {}) => {
      const context = await browser.newContext({ baseURL: stack.webUrl })
      if (account !== undefined)
        await context.addInitScript(installTestWallet, {
          rpcUrl: stack.rpcUrl,
          address: devAccount(account),
          chainId: anvil.id,
        })
      contexts.push(context)
      return context
    })
    for (const context of contexts) await context.close()
  },
  chain: async ({ stack }, use) => {
    const transport = http(stack.rpcUrl)
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
