import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer, { type Browser } from 'puppeteer-core'

/**
 * Preferences every Firefox we launch needs on this kind of machine (beside puppeteer's own):
 * WebRTC between browsers on one machine — Firefox hides host candidates behind mDNS names
 * nobody resolves and drops loopback ones unless told — and media that plays without a click.
 */
export const firefoxPrefs = {
  // Host candidates as real addresses, loopback included: peers on one machine find each other.
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.link_local': true,
  // No STUN server is reachable here; trying one only slows gathering down.
  'media.peerconnection.default_iceservers': '[]',
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
  // Headless on a shared 2-core machine: no updates, no telemetry, no first-run pages.
  'app.update.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
} as const

/**
 * Debian's `firefox-esr` (or `FIREFOX_PATH`); `undefined` when this machine has no Firefox.
 */
export function firefoxExecutable(): string | undefined {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']
  return candidates.find((path): path is string => !!path && existsSync(path))
}

/** A Firefox of its own: browser and profile directory, both gone after `close`. */
export type LaunchedFirefox = { browser: Browser; profile: string; close: () => Promise<void> }

/**
 * Launches a real Firefox through puppeteer-core over WebDriver BiDi, in a fresh profile
 * directory of its own (own storage, OPFS, service worker). Playwright cannot drive Debian's
 * firefox-esr: its `moz-firefox` channel fails at `newContext` (`emulation.setMediaFeaturesOverride`).
 */
export async function launchFirefox({
  executablePath,
  prefs = {},
}: {
  executablePath: string
  /** More preferences, over {@link firefoxPrefs} (e.g. service workers off, as in a private window). */
  prefs?: Record<string, unknown>
}): Promise<LaunchedFirefox> {
  const profile = await mkdtemp(join(tmpdir(), 'keyswarm-firefox-'))
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: { ...firefoxPrefs, ...prefs },
  })
  return {
    browser,
    profile,
    close: async () => {
      await browser.close().catch((error: unknown) => console.warn('Firefox did not close cleanly:', error))
      await rm(profile, { recursive: true, force: true })
    },
  }
}
