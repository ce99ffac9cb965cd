/**
 * An init script for a page whose player video is timed: `window.__firstFrame` becomes the
 * `performance.now()` (ms since navigation) of the first decoded frame of the player's video.
 */
export const firstFrameScript = `(() => {
  const watch = () => {
    const video = document.querySelector('video[data-testid=player-video]')
    if (!video || video.__watched) return
    video.__watched = true
    video.requestVideoFrameCallback(() => { window.__firstFrame = performance.now() })
  }
  new MutationObserver(watch).observe(document, { childList: true, subtree: true })
})()`
