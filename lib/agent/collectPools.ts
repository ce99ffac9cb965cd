import type { Account, Address, Chain, Hash, PublicClient, Transport, WalletClient } from 'viem'
import { keyswarmAbi } from '../chain/abi/keyswarmAbi'
import { TransactionRevertedError } from '../chain/errors'
import type { Deployment } from '../chain/deployments/index'
import { readCreatorListings } from '../chain/readCreatorListings'
import { readEarnings } from '../receipts/readEarnings'
import { readSweepable } from '../receipts/readSweepable'
import { toClaims } from '../receipts/toClaims'
import type { HeldReceipt } from '../receipts/types'

/** Parameters of {@link collectPools}. */
export type CollectPoolsParameters = {
  deployment: Deployment
  creator: Address
  /** Receipts the creator holds for its own seeding (from its tab's store); none for the daemon. */
  receipts?: readonly HeldReceipt[]
}

/** What {@link collectPools} sent. */
export type CollectPoolsReturnType = { claimed: number; swept: bigint[]; transactionHashes: Hash[] }

/**
 * The agent's pass over the creator's seeding money, with the agent key paying the gas (the
 * contract lets a seeder's agent claim for it, and anyone sweep; the money always goes to the
 * creator's balance): one `claimMany` of the creator's own receipts that are claimable now, then
 * one `sweepMany` of the sales whose claim window closed with money left in their pool.
 */
export async function collectPools(
  publicClient: PublicClient,
  walletClient: WalletClient<Transport, Chain | undefined, Account>,
  { deployment, creator, receipts = [] }: CollectPoolsParameters,
): Promise<CollectPoolsReturnType> {
  const contract = { address: deployment.keyswarm, abi: keyswarmAbi, chain: walletClient.chain } as const
  const transactionHashes: Hash[] = []
  const send = async (what: string, hash: Promise<Hash>) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash })
    if (receipt.status !== 'success') throw new TransactionRevertedError(what)
    transactionHashes.push(receipt.transactionHash)
  }
  const own = receipts.filter((r) => r.seeder.toLowerCase() === creator.toLowerCase())
  const claimable = own.length
    ? (await readEarnings(publicClient, { deployment, receipts: own })).filter((e) => e.status === 'claimable')
    : []
  if (claimable.length)
    await send(
      'claim',
      walletClient.writeContract({
        ...contract,
        functionName: 'claimMany',
        args: [toClaims(claimable.map((e) => e.receipt))],
      }),
    )
  const listings = await readCreatorListings(publicClient, { deployment, creator })
  const sweepable = await readSweepable(publicClient, { deployment, listings })
  if (sweepable.length)
    await send(
      'sweep',
      walletClient.writeContract({
        ...contract,
        functionName: 'sweepMany',
        args: [sweepable.map((s) => s.purchaseId)],
      }),
    )
  return { claimed: claimable.length, swept: sweepable.map((s) => s.purchaseId), transactionHashes }
}
