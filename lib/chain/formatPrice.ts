import { type Address, formatUnits, zeroAddress } from 'viem'
import type { Deployment } from './deployments/index'

/** Parameters of {@link formatPrice}. */
export type FormatPriceParameters = { price: bigint; token: Address; deployment: Deployment }

/**
 * A listing's price in words: "0.01 ETH", "5 mUSD" for the deployment's stablecoin (6 decimals),
 * "Free" for zero.
 */
export function formatPrice({ price, token, deployment }: FormatPriceParameters): string {
  if (price === 0n) return 'Free'
  if (token === zeroAddress) return `${formatUnits(price, 18)} ETH`
  if (deployment.stablecoin && token.toLowerCase() === deployment.stablecoin.toLowerCase())
    return `${formatUnits(price, 6)} mUSD`
  return `${price} units of ${token}`
}
