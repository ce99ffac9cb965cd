import { type Hash, parseEventLogs } from 'viem'
import type { Config } from 'wagmi'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import type { Deployment } from '@/lib/chain/deployments/index'
import { prepareWallet } from '@/lib/chain/prepareWallet'
import { writeAndWait } from '@/lib/chain/writeAndWait'
import { toClaims } from './toClaims'
import type { HeldReceipt } from './types'

/** What {@link claimEarnings} did. */
export type ClaimEarningsReturnType = { claimed: bigint; transactionHash: Hash; gasUsed: bigint }

/**
 * Claims held receipts in one `claimMany` through the connected wallet (anyone may submit; each
 * payout goes to its receipt's seeder's balance in the contract, to withdraw after).
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
  const claimed = parseEventLogs({ abi: keyswarmAbi, eventName: 'Claimed', logs: receipt.logs }).reduce(
    (total, log) => total + log.args.amount,
    0n,
  )
  return { claimed, transactionHash, gasUsed: receipt.gasUsed }
}
