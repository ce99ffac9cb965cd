import { type Hash, parseEventLogs } from 'viem'
import type { Config } from 'wagmi'
import { waitForTransactionReceipt } from 'wagmi/actions'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import { claimReceipts } from '@/lib/chain/claimReceipts'
import type { Deployment } from '@/lib/chain/deployments/index'
import { prepareWallet } from '@/lib/chain/prepareWallet'
import { recordClaims } from './recordClaims'
import type { HeldReceipt } from './types'

/** What {@link claimEarnings} did. */
export type ClaimEarningsReturnType = { claimed: bigint; transactionHash: Hash; gasUsed: bigint }

/**
 * Claims held receipts in one transaction (`claimReceipts`) through the connected wallet, which
 * must be their seeder (or its agent), and keeps what each claim credited beside its receipt; the
 * payouts go to the seeder's balance in the contract, to withdraw after.
 * @throws the wallet's refusal, or a revert in words (a closed claim window, a receipt the chain refuses).
 */
export async function claimEarnings(
  config: Config,
  { deployment, receipts }: { deployment: Deployment; receipts: readonly HeldReceipt[] },
): Promise<ClaimEarningsReturnType> {
  await prepareWallet(config, { chainId: deployment.chainId })
  const done = await claimReceipts(config, {
    deployment,
    receipts: receipts.map((r) => ({
      purchaseId: BigInt(r.purchaseId),
      seeder: r.seeder,
      bytes: BigInt(r.bytes),
      signature: r.signature,
    })),
  })
  // Mined already: the receipt's Claimed events say what each purchase paid.
  const mined = await waitForTransactionReceipt(config, { hash: done.transactionHash, chainId: deployment.chainId })
  const events = parseEventLogs({ abi: keyswarmAbi, eventName: 'Claimed', logs: mined.logs }).map((log) => log.args)
  await recordClaims({ chainId: deployment.chainId, claims: events })
  return { claimed: done.claimed, transactionHash: done.transactionHash, gasUsed: done.gasUsed }
}
