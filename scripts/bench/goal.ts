import type { BenchResult } from './types'

/**
 * A result whose `holds` is computed from its goal, so no suite can claim a goal it missed.
 *
 * @example
 * figure('crypto.range_read_ms', 12.3, 'ms', '< 50')
 */
export function figure(name: string, value: number, unit: string, goal = ''): BenchResult {
  return { name, value, unit, goal, holds: meets(value, goal) }
}

function meets(value: number, goal: string): boolean {
  if (!goal) return true
  const match = /^\s*(>=|<=|>|<)\s*(-?[\d.]+)\s*$/.exec(goal)
  if (!match) throw new Error(`Cannot read the goal "${goal}": write it as ">= 0.9", "< 1500" and so on.`)
  const target = Number(match[2])
  switch (match[1]) {
    case '>=':
      return value >= target
    case '<=':
      return value <= target
    case '>':
      return value > target
    default:
      return value < target
  }
}
