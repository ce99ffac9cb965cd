import { type Hash, parseEventLogs } from 'viem'
import type { Config } from 'wagmi'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { writeAndWait } from './writeAndWait'

/** Parameters of {@link settlePurchases}. */
export type SettlePurchasesParameters = { deployment: Deployment; purchaseIds: readonly bigint[] }

/** What {@link settlePurchases} did. */
export type SettlePurchasesReturnType = {
  /** The purchases this transaction settled (from its `Settled` events); the others were skipped. */
  settled: bigint[]
  transactionHash: Hash
  gasUsed: bigint
}

/**
 * Settles purchases whose dispute window is over, in one `settleMany`: each creator share joins
 * its creator's balance and each seeding pool opens to claims. Anyone may send it; ids that
 * cannot settle now (undelivered, disputable, refunded, disputed, already settled, unknown) are
 * skipped by the contract, so a stale list never fails.
 * @throws TransactionRevertedError, or the wallet's refusal.
 */
export async function settlePurchases(
  config: Config,
  { deployment, purchaseIds }: SettlePurchasesParameters,
): Promise<SettlePurchasesReturnType> {
  const { transactionHash, receipt } = await writeAndWait(config, {
    deployment,
    functionName: 'settleMany',
    args: [[...purchaseIds]],
    what: 'settlement',
  })
  const settled = parseEventLogs({ abi: keyswarmAbi, eventName: 'Settled', logs: receipt.logs }).map(
    (log) => log.args.purchaseId,
  )
  return { settled, transactionHash, gasUsed: receipt.gasUsed }
}
