import type { Page } from 'puppeteer-core'
import { test as base } from '../fixtures'
import { firefoxExecutable, launchFirefox, type LaunchedFirefox } from '../../../scripts/lib/firefox'

type FirefoxFixtures = {
  /**
   * A new person in a real Firefox (firefox-esr through puppeteer-core): its own browser and
   * profile directory, with `prefs` over the usual ones; returns its first tab. All closed after the test.
   */
  openFirefox: (options?: { prefs?: Record<string, unknown> }) => Promise<Page>
}

const executablePath = firefoxExecutable()

/**
 * The e2e `test` with Firefox people beside the Chromium contexts, on the same stack. Without a
 * Firefox on the machine (a laptop without firefox-esr) its tests are skipped with that reason;
 * in CI they fail (`.ci/run` installs it).
 */
export const test = base.extend<FirefoxFixtures>({
  openFirefox: async ({}, use) => {
    // CI installs firefox-esr: there, a missing Firefox is a broken machine, not a reason to skip.
    if (!executablePath && process.env.CI)
      throw new Error('No Firefox in CI: .ci/run should have installed firefox-esr.')
    test.skip(!executablePath, 'No Firefox here: install firefox-esr or set FIREFOX_PATH.')
    const launched: LaunchedFirefox[] = []
    await use(async ({ prefs } = {}) => {
      const firefox = await launchFirefox({ executablePath: executablePath!, prefs })
      launched.push(firefox)
      const [page] = await firefox.browser.pages()
      const tab = page ?? (await firefox.browser.newPage())
      tab.setDefaultTimeout(30_000)
      return tab
    })
    for (const firefox of launched) await firefox.close()
  },
})
