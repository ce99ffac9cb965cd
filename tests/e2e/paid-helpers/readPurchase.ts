import type { Address } from 'viem'
import { keyswarmAbi } from '../../../lib/chain/abi/keyswarmAbi'
import type { E2EChain } from '../fixtures'

/** The contract's purchase count, i.e. the id of the newest purchase. */
export function purchaseCount(chain: E2EChain, keyswarm: Address): Promise<bigint> {
  return chain.public.readContract({ address: keyswarm, abi: keyswarmAbi, functionName: 'purchaseCount' })
}

/** The contract's `PurchaseState` of one purchase (4 = Refunded, 5 = Disputed, ...). */
export function purchaseState(chain: E2EChain, keyswarm: Address, purchaseId: bigint): Promise<number> {
  return chain.public.readContract({
    address: keyswarm,
    abi: keyswarmAbi,
    functionName: 'purchaseState',
    args: [purchaseId],
  })
}
