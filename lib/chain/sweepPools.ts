import { type Hash, parseEventLogs } from 'viem'
import type { Config } from 'wagmi'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { writeAndWait } from './writeAndWait'

/** Parameters of {@link sweepPools}. */
export type SweepPoolsParameters = { deployment: Deployment; purchaseIds: readonly bigint[] }

/** What {@link sweepPools} did. */
export type SweepPoolsReturnType = {
  /** The sum moved to creators' balances (from the `Swept` events). */
  swept: bigint
  /** The purchases whose pools were swept; the others had nothing to sweep now. */
  purchaseIds: bigint[]
  transactionHash: Hash
  gasUsed: bigint
}

/**
 * Moves what seeders left in the pools of purchases whose claim window is over to their creators'
 * balances, in one `sweepMany` (settling any that were not yet); then `withdrawBalance` takes it
 * out. Anyone may send it. Ids with nothing to sweep now are skipped by the contract.
 * @throws TransactionRevertedError, or the wallet's refusal.
 */
export async function sweepPools(
  config: Config,
  { deployment, purchaseIds }: SweepPoolsParameters,
): Promise<SweepPoolsReturnType> {
  const { transactionHash, receipt } = await writeAndWait(config, {
    deployment,
    functionName: 'sweepMany',
    args: [[...purchaseIds]],
    what: 'sweep',
  })
  const events = parseEventLogs({ abi: keyswarmAbi, eventName: 'Swept', logs: receipt.logs })
  return {
    swept: events.reduce((sum, log) => sum + log.args.amount, 0n),
    purchaseIds: events.map((log) => log.args.purchaseId),
    transactionHash,
    gasUsed: receipt.gasUsed,
  }
}
