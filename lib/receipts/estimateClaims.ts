import type { Address, PublicClient } from 'viem'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import type { Deployment } from '@/lib/chain/deployments/index'
import { toClaims } from './toClaims'
import type { HeldReceipt } from './types'

/** Parameters of {@link estimateClaims}. */
export type EstimateClaimsParameters = { deployment: Deployment; account: Address; receipts: readonly HeldReceipt[] }

/** What one `claimMany` of `receipts` would cost `account` now: its gas and that gas at the current price, in wei. */
export async function estimateClaims(
  client: PublicClient,
  { deployment, account, receipts }: EstimateClaimsParameters,
): Promise<{ gas: bigint; fee: bigint }> {
  const [gas, price] = await Promise.all([
    client.estimateContractGas({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'claimMany',
      args: [toClaims(receipts)],
      account,
    }),
    client.getGasPrice(),
  ])
  return { gas, fee: gas * price }
}
