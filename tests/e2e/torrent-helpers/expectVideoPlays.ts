import type { Page } from '@playwright/test'
import { expect } from '../fixtures'

/**
 * Waits until the page's player video really plays: frames decode and `currentTime` advances
 * past `from + seconds`.
 */
export async function expectVideoPlays(page: Page, { from = 0, seconds = 1 }: { from?: number; seconds?: number } = {}) {
  const video = page.getByTestId('player-video')
  await expect(video).toBeVisible()
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 })
    .toBeGreaterThan(from + seconds)
  const frames = await video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames)
  expect(frames).toBeGreaterThan(0)
  expect(await video.evaluate((v: HTMLVideoElement) => v.error?.message ?? null)).toBeNull()
}
