import { arbitrum, base, baseSepolia, mainnet, optimism, polygon, sepolia } from 'viem/chains'
import { appChains } from '../config'

/** Chains a wallet is often on, named even when the app does not run on them. */
const wellKnown = [mainnet, base, optimism, arbitrum, polygon, sepolia, baseSepolia]

/** A chain's name for a sentence: "Base Sepolia", "Ethereum", or "chain 12345" for one nobody here knows. */
export function chainName(chainId: number): string {
  const chain = [...appChains(), ...wellKnown].find((c) => c.id === chainId)
  return chain ? chain.name : `chain ${chainId}`
}
