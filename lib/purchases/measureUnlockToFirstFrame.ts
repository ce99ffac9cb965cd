import { unlockTimings } from './unlockTimings'

/**
 * Marks the first frame of a bought file and measures it from the Unlock click, once per click;
 * nothing when this page did not click Unlock (a key already held, a resumed wait).
 * @returns The measure, or undefined when there was no click to measure from.
 */
export function measureUnlockToFirstFrame(): PerformanceMeasure | undefined {
  const clicks = performance.getEntriesByName(unlockTimings.click, 'mark')
  const click = clicks.at(-1)
  if (!click) return undefined
  const measured = performance.getEntriesByName(unlockTimings.measure, 'measure')
  if (measured.some((m) => m.startTime === click.startTime)) return undefined
  performance.mark(unlockTimings.firstFrame)
  return performance.measure(unlockTimings.measure, unlockTimings.click, unlockTimings.firstFrame)
}
