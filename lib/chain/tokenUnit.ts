import { type Address, zeroAddress } from 'viem'
import type { Deployment } from './deployments/index'

/** How amounts of a token are written: its symbol and decimals. */
export type TokenUnit = { symbol: string; decimals: number }

/**
 * The unit of a payment token, as `formatPrice` writes it: ETH (18 decimals), the deployment's
 * stablecoin mUSD (6), and any other token in raw units (0 decimals, named by address).
 */
export function tokenUnit(token: Address, deployment: Deployment): TokenUnit {
  if (token === zeroAddress) return { symbol: 'ETH', decimals: 18 }
  if (deployment.stablecoin && token.toLowerCase() === deployment.stablecoin.toLowerCase())
    return { symbol: 'mUSD', decimals: 6 }
  return { symbol: `units of ${token}`, decimals: 0 }
}
