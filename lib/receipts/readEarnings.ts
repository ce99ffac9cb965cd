import type { Address, PublicClient } from 'viem'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import type { Deployment } from '@/lib/chain/deployments/index'
import type { HeldReceipt } from './types'

/** Where one held receipt stands on chain. */
export type EarningStatus =
  /** The sale is not final yet (waiting for its key, or in the buyer's dispute window). */
  | 'waiting'
  /** Final and inside the claim window: `claim` pays `value` now. */
  | 'claimable'
  /** Everything this receipt acknowledges was paid out already. */
  | 'claimed'
  /** The claim window closed before it was claimed. */
  | 'expired'
  /** Refunded or disputed: the sale pays no seeder. */
  | 'void'

/** One held receipt's worth, as {@link readEarnings} reads it. */
export type Earning = {
  receipt: HeldReceipt
  /** The listing's payment token, `address(0)` for ETH. */
  token: Address
  status: EarningStatus
  /** What claiming this receipt would credit now (or once final): pool × bytes ÷ size minus what was paid. */
  value: bigint
  /** What this seeder was already paid for this purchase. */
  claimed: bigint
  /** Unix seconds (chain time) after which the claim window is closed. */
  claimDeadline: number
}

/** Parameters of {@link readEarnings}. */
export type ReadEarningsParameters = { deployment: Deployment; receipts: readonly HeldReceipt[] }

/** `PurchaseState` values: None, Expired (never delivered), Refunded and Disputed pay no seeder. */
const VOID = new Set([0, 2, 4, 5])
const SETTLED = 6

/**
 * What each held receipt is worth, with the contract's own arithmetic: a pool of
 * `amount × seedShareBps ÷ 10000`, `pool × bytes ÷ size` for a receipt, less what its seeder took
 * already (the seeder's claim cursor), and never past the bytes left unpaid in the purchase. A
 * purchase below the seeder's cursor is closed: it counts as claimed. Chain time (the latest block)
 * decides whether the claim window is open.
 */
export async function readEarnings(
  client: PublicClient,
  { deployment, receipts }: ReadEarningsParameters,
): Promise<Earning[]> {
  const contract = { address: deployment.keyswarm, abi: keyswarmAbi } as const
  const [block, rows] = await Promise.all([
    client.getBlock({ blockTag: 'latest' }),
    Promise.all(
      receipts.map(async (receipt) => {
        const purchaseId = BigInt(receipt.purchaseId)
        const [info, [cursorId, cursorBytes]] = await Promise.all([
          client.readContract({ ...contract, functionName: 'purchases', args: [purchaseId] }),
          client.readContract({ ...contract, functionName: 'claimCursorOf', args: [receipt.seeder] }),
        ])
        // One cursor per seeder: at this purchase it holds the bytes paid; past it, this purchase is closed.
        const paid = cursorId === purchaseId ? cursorBytes : cursorId > purchaseId ? undefined : 0n
        const listing = await client.readContract({ ...contract, functionName: 'listings', args: [info.contentId] })
        return { receipt, info, paid, listing }
      }),
    ),
  ])
  const now = block.timestamp
  return rows.map(({ receipt, info, paid, listing }) => {
    const size = listing.size
    const pool = (info.amount * BigInt(listing.seedShareBps)) / 10_000n
    const bytes = BigInt(receipt.bytes)
    const left = size - info.paidBytes
    const added = paid !== undefined && bytes > paid ? (bytes - paid > left ? left : bytes - paid) : 0n
    const value = size === 0n || paid === undefined ? 0n : (pool * (paid + added)) / size - (pool * paid) / size
    const claimed = receipt.claimed ? BigInt(receipt.claimed) : size && paid ? (pool * paid) / size : 0n
    const claimDeadline = Number(info.claimDeadline)
    let status: EarningStatus
    if (VOID.has(info.state)) status = 'void'
    else if (paid === undefined || (value === 0n && paid > 0n)) status = 'claimed'
    else if (now > info.claimDeadline) status = 'expired'
    else if (info.state === SETTLED) status = 'claimable'
    else status = 'waiting'
    return { receipt, token: listing.token, status, value, claimed, claimDeadline }
  })
}
