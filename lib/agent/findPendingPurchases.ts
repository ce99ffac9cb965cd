import { type Address, type PublicClient, getAbiItem } from 'viem'
import { keyswarmAbi } from '../chain/abi/keyswarmAbi'
import type { Deployment } from '../chain/deployments/index'
import type { LogCache } from '../chain/createLogCache'
import { readMany } from '../chain/readMany'
import { scanLogs } from '../chain/scanLogs'

/** A purchase waiting for its key: who bought, and the session key B to seal to. */
export type PendingPurchase = {
  purchaseId: bigint
  contentId: bigint
  buyer: Address
  session: { x: bigint; y: bigint }
  /** The block the purchase was mined in. */
  blockNumber: bigint
}

/** Parameters of {@link findPendingPurchases}. */
export type FindPendingPurchasesParameters = {
  deployment: Deployment
  contentIds: readonly bigint[]
  fromBlock?: bigint
  /** The last block to read (default: the latest). */
  toBlock?: bigint
  /** Where scanned ranges are kept (default: the page's or process's log cache); `null` for none. */
  cache?: LogCache | null
}

const purchasedEvent = getAbiItem({ abi: keyswarmAbi, name: 'Purchased' })
/** `PurchaseState.Pending` in the contract's enum. */
const PENDING = 1

/**
 * Purchases of `contentIds` still waiting for a key and still inside their delivery window,
 * read from `Purchased` events (a ranged {@link scanLogs}, oldest first) and checked against the
 * contract's state in Multicall3 batches.
 */
export async function findPendingPurchases(
  client: PublicClient,
  {
    deployment,
    contentIds,
    fromBlock = BigInt(deployment.deployBlock),
    toBlock,
    cache,
  }: FindPendingPurchasesParameters,
): Promise<PendingPurchase[]> {
  if (contentIds.length === 0) return []
  const { logs } = await scanLogs(client, {
    address: deployment.keyswarm,
    event: purchasedEvent,
    args: { contentId: [...contentIds] },
    fromBlock,
    toBlock,
    newestFirst: false,
    cache,
  })
  if (logs.length === 0) return []
  const states = await readMany(
    client,
    logs.map(
      (log) =>
        ({
          address: deployment.keyswarm,
          abi: keyswarmAbi,
          functionName: 'purchaseState',
          args: [log.args.purchaseId!],
        }) as const,
    ),
  )
  return logs
    .filter((_, i) => states[i] === PENDING)
    .map((log) => ({
      purchaseId: log.args.purchaseId!,
      contentId: log.args.contentId!,
      buyer: log.args.buyer!,
      session: { x: log.args.sessionX!, y: log.args.sessionY! },
      blockNumber: log.blockNumber,
    }))
}
