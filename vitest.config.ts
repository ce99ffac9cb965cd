/// <reference types="@vitest/browser/providers/playwright" />
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { chromiumArgs, chromiumExecutable } from './scripts/lib/chromium'

// Unit tests sit beside their source as `*.test.ts`. The `node` project runs them all in Node;
// suites that also ship to the browser add a Chromium project here (see lib/crypto).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // lib/crypto ships to the tab: the same tests run again in real Chromium (WebCrypto, Blob, streams).
        extends: true,
        test: {
          name: 'chromium',
          // `*.browser.test.ts` need the browser itself (OPFS, quota) and run only here.
          include: ['lib/crypto/**/*.test.ts', 'lib/**/*.browser.test.ts'],
          exclude: ['lib/crypto/**/*.node.test.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            provider: 'playwright',
            headless: true,
            screenshotFailures: false,
            instances: [
              { browser: 'chromium', launch: { executablePath: chromiumExecutable(), args: [...chromiumArgs] } },
            ],
          },
        },
      },
    ],
  },
})
