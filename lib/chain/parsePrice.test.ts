import { expect, test } from 'vitest'
import { parsePrice } from './parsePrice'

const eth = { symbol: 'ETH', decimals: 18 }
const usd = { symbol: 'mUSD', decimals: 6 }

test('reads a decimal amount in the token’s smallest unit', () => {
  expect(parsePrice({ text: ' 0.02 ', unit: eth })).toBe(20_000_000_000_000_000n)
  expect(parsePrice({ text: '5', unit: usd })).toBe(5_000_000n)
  expect(parsePrice({ text: '1.000001', unit: usd })).toBe(1_000_001n)
  expect(parsePrice({ text: '0.000000000000000001', unit: eth })).toBe(1n)
})

test('refuses zero, words, negative amounts and more decimals than the token has, with a sentence', () => {
  expect(() => parsePrice({ text: '0.0', unit: eth })).toThrow('“0.0” is not a price: enter a positive amount of ETH')
  expect(() => parsePrice({ text: 'cheap', unit: eth })).toThrow('“cheap” is not a price')
  expect(() => parsePrice({ text: '-1', unit: eth })).toThrow('“-1” is not a price')
  expect(() => parsePrice({ text: '1.0000001', unit: usd })).toThrow('with at most 6 decimals')
})

test('says what is wrong with each kind of bad price, so a paid listing is never given away by a typo', () => {
  expect(() => parsePrice({ text: '0', unit: usd })).toThrow(
    '“0” is not a price: enter a positive amount of mUSD, like 0.02; a paid listing cannot cost nothing.',
  )
  expect(() => parsePrice({ text: '.', unit: eth })).toThrow(
    '“.” is not a price: enter a positive amount of ETH with at most 18 decimals, like 0.02.',
  )
  expect(() => parsePrice({ text: '-0.5', unit: eth })).toThrow('“-0.5” is not a price: a price cannot be negative')
  expect(() => parsePrice({ text: '1.5', unit: { symbol: 'units of 0xabc', decimals: 0 } })).toThrow(
    '“1.5” is not a price: units of 0xabc has no decimals',
  )
  expect(() => parsePrice({ text: '  ', unit: eth })).toThrow('Enter a price in ETH, like 0.02.')
  expect(() => parsePrice({ text: '1e18', unit: eth })).toThrow('“1e18” is not a price')
})
