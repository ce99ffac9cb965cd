import type { Hash } from 'viem'
import type { Config } from 'wagmi'
import type { Deployment } from '@/lib/chain/deployments/index'
import { prepareWallet } from '@/lib/chain/prepareWallet'
import { writeAndWait } from '@/lib/chain/writeAndWait'

/**
 * Sweeps the seeding pools of sales whose claim window closed into the creator's balance, one
 * `sweep` each (the contract has no batched sweep), through the connected wallet.
 * @throws the wallet's refusal, or a revert in words.
 */
export async function sweepPools(
  config: Config,
  {
    deployment,
    purchaseIds,
    onSwept,
  }: { deployment: Deployment; purchaseIds: readonly bigint[]; onSwept?: (done: number) => void },
): Promise<{ transactionHashes: Hash[]; gasUsed: bigint }> {
  await prepareWallet(config, { chainId: deployment.chainId })
  const transactionHashes: Hash[] = []
  let gasUsed = 0n
  for (const purchaseId of purchaseIds) {
    const done = await writeAndWait(config, { deployment, functionName: 'sweep', args: [purchaseId], what: 'sweep' })
    transactionHashes.push(done.transactionHash)
    gasUsed += done.gasUsed
    onSwept?.(transactionHashes.length)
  }
  return { transactionHashes, gasUsed }
}
