import { type Address, type PublicClient, zeroAddress } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import type { CreatorListing } from './readCreatorListings'
import { readMany } from './readMany'

/** A creator's money in one token, as {@link readCreatorBalances} reads it. */
export type CreatorBalance = {
  /** `address(0)` for ETH. */
  token: Address
  /** `balanceOf(creator, token)`: withdrawable now. */
  withdrawable: bigint
  /** The creator's share of purchases that are final but not settled on chain yet (settlement is lazy). */
  settleable: bigint
  /** Those purchases: `settleMany` them and their share joins `withdrawable`. */
  settleIds: bigint[]
  /** The creator's share of purchases still in escrow: waiting for a key, or delivered in the dispute window. */
  inEscrow: bigint
}

/** Parameters of {@link readCreatorBalances}. */
export type ReadCreatorBalancesParameters = {
  deployment: Deployment
  creator: Address
  /** The creator's listings with their sales, from `readCreatorListings`. */
  listings: readonly CreatorListing[]
  /** Reads already made in this round of reads (see `readMany`'s `memo`): a balance read once is not read again. */
  memo?: Map<string, unknown>
}

/**
 * The creator's money per token (ETH and the deployment's stablecoin, plus any other token a
 * listing uses): withdrawable, final-but-unsettled, and still in escrow. Shares leave out the
 * seeders' pool (`seedShareBps` of each sale), which seeders claim and the creator may sweep later.
 * The balances take one Multicall3 batch, whatever the number of tokens.
 */
export async function readCreatorBalances(
  client: PublicClient,
  { deployment, creator, listings, memo }: ReadCreatorBalancesParameters,
): Promise<CreatorBalance[]> {
  const tokens = [zeroAddress, ...(deployment.stablecoin ? [deployment.stablecoin] : [])] as Address[]
  for (const listing of listings)
    if (!tokens.some((t) => t.toLowerCase() === listing.token.toLowerCase())) tokens.push(listing.token)
  const withdrawable = await readMany(
    client,
    tokens.map(
      (token) =>
        ({ address: deployment.keyswarm, abi: keyswarmAbi, functionName: 'balanceOf', args: [creator, token] }) as const,
    ),
    { memo },
  )
  return tokens.map((token, i) => {
    const balance: CreatorBalance = {
      token,
      withdrawable: withdrawable[i]!,
      settleable: 0n,
      settleIds: [],
      inEscrow: 0n,
    }
    for (const listing of listings) {
      if (listing.token.toLowerCase() !== token.toLowerCase()) continue
      for (const sale of listing.sales) {
        // The contract's own rounding: the pool is amount * bps / 10000, the creator gets the rest.
        const share = sale.amount - (sale.amount * BigInt(listing.seedShareBps)) / 10_000n
        if (sale.state === 'settled' && !sale.settledOnChain) {
          balance.settleable += share
          balance.settleIds.push(sale.purchaseId)
        } else if (sale.state === 'pending' || sale.state === 'delivered') balance.inEscrow += share
      }
    }
    return balance
  })
}
