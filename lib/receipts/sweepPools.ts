import type { Hash } from 'viem'
import type { Config } from 'wagmi'
import type { Deployment } from '@/lib/chain/deployments/index'
import { prepareWallet } from '@/lib/chain/prepareWallet'
import { writeAndWait } from '@/lib/chain/writeAndWait'

/**
 * Sweeps the seeding pools of sales whose claim window closed into the creator's balance, in one
 * `sweepMany` through the connected wallet (the contract skips any that cannot be swept).
 * @throws the wallet's refusal, or a revert in words.
 */
export async function sweepPools(
  config: Config,
  { deployment, purchaseIds }: { deployment: Deployment; purchaseIds: readonly bigint[] },
): Promise<{ transactionHash: Hash; gasUsed: bigint }> {
  await prepareWallet(config, { chainId: deployment.chainId })
  const { transactionHash, gasUsed } = await writeAndWait(config, {
    deployment,
    functionName: 'sweepMany',
    args: [[...purchaseIds]],
    what: 'sweep',
  })
  return { transactionHash, gasUsed }
}
