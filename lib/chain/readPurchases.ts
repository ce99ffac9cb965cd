import { type Address, type PublicClient, getAbiItem } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { scanLogs } from './scanLogs'

/** Parameters of {@link readPurchases}. */
export type ReadPurchasesParameters = {
  deployment: Deployment
  buyer: Address
  contentId?: bigint
  signal?: AbortSignal
}

const purchasedEvent = getAbiItem({ abi: keyswarmAbi, name: 'Purchased' })

/**
 * The `buyer`'s purchases on chain (optionally of one listing), oldest first, from `Purchased`
 * events (read with {@link scanLogs}): id, listing, amount and the session key B each was sealed to.
 */
export async function readPurchases(
  client: PublicClient,
  { deployment, buyer, contentId, signal }: ReadPurchasesParameters,
) {
  const { logs } = await scanLogs(client, {
    address: deployment.keyswarm,
    event: purchasedEvent,
    args: { buyer, contentId },
    fromBlock: BigInt(deployment.deployBlock),
    signal,
  })
  return logs.map((log) => ({
    purchaseId: log.args.purchaseId!,
    contentId: log.args.contentId!,
    amount: log.args.amount!,
    session: { x: log.args.sessionX!, y: log.args.sessionY! },
    blockNumber: log.blockNumber,
  }))
}
