import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { purchaseStateName } from './purchaseStateName'

test('names every value of the contract’s PurchaseState enum, in the contract’s order', () => {
  const source = readFileSync(join(import.meta.dirname, '../../contracts/src/IKeyswarm.sol'), 'utf8')
  const body = /enum PurchaseState \{([^}]*)\}/.exec(source)![1]!
  const declared = body
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').trim())
    .join('')
    .split(',')
    .filter(Boolean)
    .map((name) => name.toLowerCase())
  expect(declared).toHaveLength(7)
  expect(declared.map((_, i) => purchaseStateName(i))).toEqual(declared)
})

test('refuses a value the enum does not have', () => {
  expect(() => purchaseStateName(7)).toThrow('7 is not a Keyswarm purchase state.')
})
