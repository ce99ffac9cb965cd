import type { ElementHandle, Page } from 'puppeteer-core'

/** What {@link inFirefox} waits on: a check run in the page, or `undefined` while not there yet. */
type Probe<T> = () => Promise<T | undefined>

/** Parameters of a wait: how long before it fails with the last value it saw. */
export type WaitParameters = { timeout?: number }

/**
 * The few page actions the Firefox journeys need, by `data-testid` as the Chromium specs use
 * them, on a puppeteer page (Playwright's `expect(locator)` cannot drive it). Every wait polls
 * a state the app shows, and fails with a sentence naming what it waited for and what it saw.
 */
export function inFirefox(page: Page) {
  const byTestId = (id: string) => `[data-testid="${id}"]`

  async function until<T>(what: string, probe: Probe<T>, { timeout = 30_000 }: WaitParameters = {}): Promise<T> {
    const deadline = Date.now() + timeout
    let seen: unknown
    for (;;) {
      try {
        const value = await probe()
        if (value !== undefined) return value
      } catch (error) {
        // A navigation in flight destroys the page's context; the next poll runs in the new one.
        seen = error instanceof Error ? error.message : error
      }
      if (Date.now() > deadline)
        throw new Error(`Firefox: ${what} did not happen within ${timeout} ms (last seen: ${String(seen)}).`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  const attribute = (id: string, name: string) =>
    page.evaluate((selector, name) => document.querySelector(selector)?.getAttribute(name) ?? null, byTestId(id), name)
  const text = (id: string) =>
    page.evaluate((selector) => document.querySelector(selector)?.textContent ?? null, byTestId(id))
  const video = () =>
    page.evaluate(() => {
      const v = document.querySelector<HTMLVideoElement>('video[data-testid="player-video"]')
      if (!v) return null
      return {
        currentTime: v.currentTime,
        duration: v.duration,
        frames: v.getVideoPlaybackQuality().totalVideoFrames,
        error: v.error ? `${v.error.code} ${v.error.message}` : null,
        src: v.src,
      }
    })

  return {
    page,
    until,
    attribute,
    text,
    video,
    /** The value of the input with this test id, once it has one. */
    inputValue: (id: string, wait?: WaitParameters) =>
      until(
        `a value in ${id}`,
        () =>
          page.evaluate(
            (selector) => document.querySelector<HTMLInputElement>(selector)?.value || undefined,
            byTestId(id),
          ),
        wait,
      ),
    /** Waits until the element's attribute matches. */
    waitForAttribute: (
      id: string,
      name: string,
      wanted: string | RegExp | ((value: string) => boolean),
      wait?: WaitParameters,
    ) => {
      const test =
        typeof wanted === 'function'
          ? wanted
          : (value: string) => (typeof wanted === 'string' ? value === wanted : wanted.test(value))
      return until(
        `${id}[${name}] to match ${String(wanted)}`,
        async () => {
          const value = await attribute(id, name)
          return value !== null && test(value) ? value : undefined
        },
        wait,
      )
    },
    /** Waits until the element's text matches. */
    waitForText: (id: string, wanted: RegExp, wait?: WaitParameters) =>
      until(
        `${id} to read ${wanted}`,
        async () => {
          const value = await text(id)
          return value !== null && wanted.test(value) ? value : undefined
        },
        wait,
      ),
    /** Picks files on the file input with this test id, as a person choosing them would. */
    pickFiles: async (id: string, paths: string[]) => {
      const input = (await page.waitForSelector(byTestId(id))) as ElementHandle<HTMLInputElement>
      await input.uploadFile(...paths)
    },
    /** Clicks the (first visible) button whose text matches, with a real pointer. */
    clickButton: async (name: RegExp, wait?: WaitParameters) => {
      const handle = await until(
        `a button "${name}"`,
        async () => {
          const buttons = await page.$$('button')
          for (const button of buttons) {
            const matches = await button.evaluate(
              (b, source, flags) =>
                new RegExp(source, flags).test(b.textContent ?? '') && b.getClientRects().length > 0 && !b.disabled,
              name.source,
              name.flags,
            )
            if (matches) return button
          }
          return undefined
        },
        wait,
      )
      await handle.click()
    },
    /**
     * Waits until the player's video really plays: `currentTime` passes `from + seconds`, frames
     * were decoded, and the element reports no error.
     */
    videoPlays: async ({
      from = 0,
      seconds = 1,
      timeout = 45_000,
    }: { from?: number; seconds?: number; timeout?: number } = {}) => {
      const state = await until(
        `the video to play past ${from + seconds} s`,
        async () => {
          const v = await video()
          if (v?.error) throw new Error(`The video failed: ${v.error}`)
          return v && v.currentTime > from + seconds ? v : undefined
        },
        { timeout },
      )
      if (state.frames <= 0) throw new Error('Firefox: the video advanced without decoding a frame.')
      return state
    },
    /** Sets the player's position (seconds). */
    seek: (to: number) =>
      page.evaluate((t) => {
        document.querySelector<HTMLVideoElement>('video[data-testid="player-video"]')!.currentTime = t
      }, to),
  }
}
