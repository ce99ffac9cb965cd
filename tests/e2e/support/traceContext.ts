import { appendFileSync } from 'node:fs'
import type { BrowserContext } from '@playwright/test'

/**
 * Turns on the engine's own debug logs (WebTorrent, its trackers and WebRTC peers use `debug`, which
 * reads `localStorage.debug`) in every page of a context, and appends each page's console to `file`,
 * each line stamped with the time and the context's index. For chasing a peer that never connects:
 * `KEYSWARM_E2E_DEBUG=/tmp/trace.log npx playwright test <spec>`.
 */
export function traceContext(context: BrowserContext, index: number, file: string): void {
  void context.addInitScript(() => {
    localStorage.debug = 'webtorrent*,bittorrent-tracker*,keyswarm*'
  })
  context.on('console', (message) => {
    appendFileSync(file, `${new Date().toISOString().slice(11, 23)} c${index} ${message.text()}\n`)
  })
}
