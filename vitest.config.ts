import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

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
          testTimeout: 60_000,
        },
      },
    ],
  },
})
