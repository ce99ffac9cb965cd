/**
 * User Timing names of the buyer's unlock: the hook marks the click, the player the first frame,
 * and the measure between them is what `paid.unlock_to_first_frame_ms` reports (read with
 * `performance.getEntriesByName(unlockTimings.measure)`).
 */
export const unlockTimings = {
  click: 'keyswarm:unlock-click',
  firstFrame: 'keyswarm:unlock-first-frame',
  measure: 'keyswarm:unlock-to-first-frame',
} as const
