import type { Address } from 'viem'
import { keyswarmAbi } from '../../../lib/chain/abi/keyswarmAbi'
import type { E2EChain } from '../fixtures'

/** A listing as the contract stores it (`listings(contentId)`: info hash, size, price, …). */
export function readListing(chain: E2EChain, keyswarm: Address, contentId: bigint) {
  return chain.public.readContract({ address: keyswarm, abi: keyswarmAbi, functionName: 'listings', args: [contentId] })
}
