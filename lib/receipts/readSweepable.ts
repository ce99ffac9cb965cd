import type { Address, PublicClient } from 'viem'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import type { Deployment } from '@/lib/chain/deployments/index'

/** A sale whose seeding pool the creator may sweep now. */
export type SweepableSale = { purchaseId: bigint; contentId: bigint; token: Address; left: bigint }

/** One sale as the creator's dashboard knows it (`CreatorListing.sales`). */
export type SaleForSweep = { purchaseId: bigint; contentId: bigint; amount: bigint; state: string }

/** Parameters of {@link readSweepable}. */
export type ReadSweepableParameters = {
  deployment: Deployment
  /** The creator's listings with their sales. */
  listings: readonly { contentId: bigint; token: Address; seedShareBps: number; sales: readonly SaleForSweep[] }[]
}

/**
 * The creator's final sales whose claim window has closed (chain time) with money left in their
 * seeding pool: `sweep` moves it to the creator's balance.
 */
export async function readSweepable(
  client: PublicClient,
  { deployment, listings }: ReadSweepableParameters,
): Promise<SweepableSale[]> {
  const candidates = listings.flatMap((listing) =>
    listing.seedShareBps === 0
      ? []
      : listing.sales.filter((s) => s.state === 'settled').map((sale) => ({ listing, sale })),
  )
  if (candidates.length === 0) return []
  const [block, infos] = await Promise.all([
    client.getBlock({ blockTag: 'latest' }),
    Promise.all(
      candidates.map(({ sale }) =>
        client.readContract({
          address: deployment.keyswarm,
          abi: keyswarmAbi,
          functionName: 'purchases',
          args: [sale.purchaseId],
        }),
      ),
    ),
  ])
  return candidates.flatMap(({ listing, sale }, i) => {
    const info = infos[i]!
    const pool = (sale.amount * BigInt(listing.seedShareBps)) / 10_000n
    // Before settlement on chain the ledger reads zero: the whole pool is left.
    const left = pool - info.paidOut
    if (block.timestamp <= info.claimDeadline || left <= 0n) return []
    return [{ purchaseId: sale.purchaseId, contentId: sale.contentId, token: listing.token, left }]
  })
}
