import { parseUnits } from 'viem'
import { InvalidPriceError } from './errors'
import type { TokenUnit } from './tokenUnit'

/** Parameters of {@link parsePrice}. */
export type ParsePriceParameters = { text: string; unit: TokenUnit }

/**
 * A price a person typed for a paid listing ("0.02"), in the token's smallest unit: the one rule
 * /publish and /library share. Refused, each with its own sentence: nothing typed, text that is
 * not a decimal number ("." or "cheap"), a negative amount, more decimals than the token has, and
 * zero (a paid listing is never given away by a typo; free is its own choice).
 * @throws InvalidPriceError saying what is wrong and what a price looks like.
 * @example
 * parsePrice({ text: '0.02', unit: { symbol: 'ETH', decimals: 18 } }) // 20000000000000000n
 */
export function parsePrice({ text, unit }: ParsePriceParameters): bigint {
  const trimmed = text.trim()
  const refuse = (problem: InvalidPriceError['problem']) => new InvalidPriceError({ text: trimmed, unit, problem })
  if (!trimmed) throw refuse('empty')
  if (/^-\s*\d*\.?\d*$/.test(trimmed) && /\d/.test(trimmed)) throw refuse('negative')
  const match = /^\d+(?:\.(\d+))?$/.exec(trimmed)
  if (!match) throw refuse('format')
  if ((match[1]?.length ?? 0) > unit.decimals) throw refuse('decimals')
  const price = parseUnits(trimmed, unit.decimals)
  if (price === 0n) throw refuse('zero')
  return price
}
