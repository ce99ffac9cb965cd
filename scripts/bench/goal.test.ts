import { expect, test } from 'vitest'
import { figure } from './goal'

test('a figure holds only when its value meets its goal', () => {
  expect(figure('a', 0.95, 'x', '>= 0.95').holds).toBe(true)
  expect(figure('a', 0.94, 'x', '>= 0.95').holds).toBe(false)
  expect(figure('b', 1499, 'ms', '< 1500').holds).toBe(true)
  expect(figure('b', 1500, 'ms', '< 1500').holds).toBe(false)
  expect(figure('c', 3, 'MiB').holds).toBe(true)
})

test('refuses a goal it cannot read instead of passing it', () => {
  expect(() => figure('a', 1, 'x', 'about 2')).toThrow(/Cannot read the goal/)
})
