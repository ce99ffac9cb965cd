import { type Hash, parseEventLogs } from 'viem'
import type { Config } from 'wagmi'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import type { Deployment } from '@/lib/chain/deployments/index'
import { prepareWallet } from '@/lib/chain/prepareWallet'
import { writeAndWait } from '@/lib/chain/writeAndWait'
import { recordClaims } from './recordClaims'
import { toClaims } from './toClaims'
import type { HeldReceipt } from './types'

/** What {@link claimEarnings} did. */
export type ClaimEarningsReturnType = { claimed: bigint; transactionHash: Hash; gasUsed: bigint }

/**
 * Claims held receipts in one `claimMany` through the connected wallet, which must be their seeder
 * (or its agent); the payouts go to the seeder's balance in the contract, to withdraw after.
 * @throws the wallet's refusal, or a revert in words (a closed claim window, a receipt the chain refuses).
 */
export async function claimEarnings(
  config: Config,
  { deployment, receipts }: { deployment: Deployment; receipts: readonly HeldReceipt[] },
): Promise<ClaimEarningsReturnType> {
  await prepareWallet(config, { chainId: deployment.chainId })
  const { transactionHash, receipt } = await writeAndWait(config, {
    deployment,
    functionName: 'claimMany',
    args: [toClaims(receipts)],
    what: 'claim',
  })
  const events = parseEventLogs({ abi: keyswarmAbi, eventName: 'Claimed', logs: receipt.logs }).map((log) => log.args)
  await recordClaims({ chainId: deployment.chainId, claims: events })
  const claimed = events.reduce((total, event) => total + event.amount, 0n)
  return { claimed, transactionHash, gasUsed: receipt.gasUsed }
}
