import { type Address, type Hash, type Hex, parseEventLogs } from 'viem'
import type { Config } from 'wagmi'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { writeAndWait } from './writeAndWait'

/** A seeding receipt as the seeder keeps it: the buyer's receipt key signed it (see `receiptTypedData`). */
export type SignedReceipt = {
  purchaseId: bigint
  seeder: Address
  /** Cumulative verified bytes the buyer acknowledged. */
  bytes: bigint
  signature: Hex
}

const bySeeder = (a: SignedReceipt, b: SignedReceipt) => a.seeder.toLowerCase().localeCompare(b.seeder.toLowerCase())

/** Parameters of {@link claimReceipts}. */
export type ClaimReceiptsParameters = { deployment: Deployment; receipts: readonly SignedReceipt[] }

/** What {@link claimReceipts} did. */
export type ClaimReceiptsReturnType = {
  /** The sum credited to the seeders' balances (from the `Claimed` events). */
  claimed: bigint
  /** The purchases that paid something; a receipt for an older purchase than one claimed pays 0. */
  paid: bigint[]
  transactionHash: Hash
  gasUsed: bigint
}

/**
 * Claims seeding receipts in one transaction: `claim` for one, `claimMany` for more. The connected
 * account must be the seeder the receipts name (or an agent it set with `setAgent`). Keeps the best
 * receipt per purchase and seeder, and sends each seeder's in increasing purchase id: the contract
 * keeps one cursor per seeder, and a purchase older than one already claimed pays nothing. Purchases
 * due to settle are settled on the way. The amounts join the seeders' balances; `withdrawBalance`
 * takes them out.
 * @throws TransactionRevertedError (an invalid receipt reverts the whole batch), or the wallet's refusal.
 */
export async function claimReceipts(
  config: Config,
  { deployment, receipts }: ClaimReceiptsParameters,
): Promise<ClaimReceiptsReturnType> {
  const best = new Map<string, SignedReceipt>()
  for (const receipt of receipts) {
    const key = `${receipt.seeder.toLowerCase()} ${receipt.purchaseId}`
    if ((best.get(key)?.bytes ?? -1n) < receipt.bytes) best.set(key, receipt)
  }
  const claims = [...best.values()]
    .sort((a, b) => bySeeder(a, b) || (a.purchaseId < b.purchaseId ? -1 : a.purchaseId > b.purchaseId ? 1 : 0))
    .map(({ purchaseId, seeder, bytes, signature }) => ({ purchaseId, seeder, bytes_: bytes, sig: signature }))
  const [only] = claims
  const { transactionHash, receipt } =
    claims.length === 1 && only
      ? await writeAndWait(config, {
          deployment,
          functionName: 'claim',
          args: [only.purchaseId, only.seeder, only.bytes_, only.sig],
          what: 'claim',
        })
      : await writeAndWait(config, { deployment, functionName: 'claimMany', args: [claims], what: 'claim' })
  const events = parseEventLogs({ abi: keyswarmAbi, eventName: 'Claimed', logs: receipt.logs })
  return {
    claimed: events.reduce((sum, log) => sum + log.args.amount, 0n),
    paid: events.filter((log) => log.args.amount > 0n).map((log) => log.args.purchaseId),
    transactionHash,
    gasUsed: receipt.gasUsed,
  }
}
