import { existsSync } from 'node:fs'

/**
 * Flags every Chromium we launch needs on this kind of machine (see shared/ENVIRONMENT.md):
 * no sandbox as root, no background dialling out, and real host candidates for loopback WebRTC.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--autoplay-policy=no-user-gesture-required',
] as const

/**
 * The system Chromium when there is one (Debian's `/usr/bin/chromium`, or `CHROMIUM_PATH`);
 * `undefined` lets Playwright use its bundled browser on a developer laptop.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((path): path is string => !!path && existsSync(path))
}
