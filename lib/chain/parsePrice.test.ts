import { expect, test } from 'vitest'
import { parsePrice } from './parsePrice'

const eth = { symbol: 'ETH', decimals: 18 }
const usd = { symbol: 'mUSD', decimals: 6 }

test('reads a decimal amount in the token’s smallest unit', () => {
  expect(parsePrice({ text: ' 0.02 ', unit: eth })).toBe(20_000_000_000_000_000n)
  expect(parsePrice({ text: '5', unit: usd })).toBe(5_000_000n)
  expect(parsePrice({ text: '1.000001', unit: usd })).toBe(1_000_001n)
})

test('refuses zero, words, negative amounts and more decimals than the token has, with a sentence', () => {
  expect(() => parsePrice({ text: '0.0', unit: eth })).toThrow('“0.0” is not a price: enter a positive amount of ETH')
  expect(() => parsePrice({ text: 'cheap', unit: eth })).toThrow('“cheap” is not a price')
  expect(() => parsePrice({ text: '-1', unit: eth })).toThrow('“-1” is not a price')
  expect(() => parsePrice({ text: '1.0000001', unit: usd })).toThrow('with at most 6 decimals')
})
