import {
  type Account,
  type Chain,
  type Hash,
  type PublicClient,
  type Transport,
  type WalletClient,
  formatEther,
  parseEventLogs,
} from 'viem'
import { keyswarmAbi } from '../chain/abi/keyswarmAbi'
import type { Deployment } from '../chain/deployments/index'
import { sealKey } from '../crypto'
import type { ListingSecret } from '../purchases/types'
import { AgentOutOfGasError } from './errors'
import { findPendingPurchases } from './findPendingPurchases'

/** Parameters of {@link deliverPending}. */
export type DeliverPendingParameters = {
  deployment: Deployment
  listings: readonly ListingSecret[]
  fromBlock?: bigint
  /**
   * Test path only: deliver a wrong key (the real one with its last bit flipped), so the buyer's
   * dispute can be exercised end to end. Never set in normal use.
   */
  tamper?: boolean
}

/** What one round of delivery did. */
export type DeliverPendingReturnType = { delivered: bigint[]; transactionHash?: Hash; gasUsed?: bigint }

/**
 * One round of the agent: finds purchases of the creator's listings still waiting for a key,
 * seals each listing's content key to each buyer's session key, and delivers them all in one
 * `deliverMany` transaction signed by the agent key (no wallet prompt).
 * @throws AgentOutOfGasError when the agent key cannot pay for the transaction.
 */
export async function deliverPending(
  publicClient: PublicClient,
  walletClient: WalletClient<Transport, Chain | undefined, Account>,
  { deployment, listings, fromBlock, tamper = false }: DeliverPendingParameters,
): Promise<DeliverPendingReturnType> {
  const byId = new Map(listings.map((l) => [l.contentId, l]))
  const pending = await findPendingPurchases(publicClient, {
    deployment,
    contentIds: listings.map((l) => BigInt(l.contentId)),
    fromBlock,
  })
  if (pending.length === 0) return { delivered: [] }
  const ids = pending.map((p) => p.purchaseId)
  const sealed = pending.map((p) => {
    const listing = byId.get(String(p.contentId))!
    const key = sealKey({
      key: listing.key,
      deliverySecret: listing.deliverySecret,
      sessionPublicKey: p.session,
      purchaseId: p.purchaseId,
    })
    if (!tamper) return key
    const last = (parseInt(key.slice(-2), 16) ^ 1).toString(16).padStart(2, '0')
    return `${key.slice(0, -2)}${last}` as typeof key
  })
  let transactionHash: Hash
  try {
    transactionHash = await walletClient.writeContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'deliverMany',
      args: [ids, sealed],
      chain: walletClient.chain,
    })
  } catch (error) {
    if (/insufficient funds/i.test(String((error as Error)?.message))) {
      const balance = await publicClient.getBalance({ address: walletClient.account.address })
      throw new AgentOutOfGasError(walletClient.account.address, formatEther(balance), { cause: error })
    }
    throw error
  }
  const receipt = await publicClient.waitForTransactionReceipt({ hash: transactionHash })
  const delivered = parseEventLogs({ abi: keyswarmAbi, eventName: 'Delivered', logs: receipt.logs }).map(
    (log) => log.args.purchaseId,
  )
  return { delivered, transactionHash, gasUsed: receipt.gasUsed }
}
