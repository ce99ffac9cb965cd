import { parseUnits } from 'viem'
import { InvalidPriceError } from './errors'
import type { TokenUnit } from './tokenUnit'

/** Parameters of {@link parsePrice}. */
export type ParsePriceParameters = { text: string; unit: TokenUnit }

/**
 * A price a person typed ("0.02"), in the token's smallest unit; zero is refused (a paid listing
 * stays paid), as are more decimals than the token has.
 * @throws InvalidPriceError with a sentence saying what a price looks like.
 * @example
 * parsePrice({ text: '0.02', unit: { symbol: 'ETH', decimals: 18 } }) // 20000000000000000n
 */
export function parsePrice({ text, unit: { symbol, decimals } }: ParsePriceParameters): bigint {
  const trimmed = text.trim()
  const pattern = decimals ? new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`) : /^\d+$/
  if (!pattern.test(trimmed)) throw new InvalidPriceError(trimmed, symbol, decimals)
  const price = parseUnits(trimmed, decimals)
  if (price === 0n) throw new InvalidPriceError(trimmed, symbol, decimals)
  return price
}
