import {
  type Account,
  BaseError,
  type Chain,
  ContractFunctionRevertedError,
  type Hash,
  type PublicClient,
  type Transport,
  type WalletClient,
  formatEther,
  parseEventLogs,
} from 'viem'
import { keyswarmAbi } from '../chain/abi/keyswarmAbi'
import type { LogCache } from '../chain/createLogCache'
import type { Deployment } from '../chain/deployments/index'
import { sealKey } from '../crypto'
import type { ListingSecret } from '../keystore/types'
import { AgentDeliveryRevertedError, AgentOutOfGasError } from './errors'
import { findPendingPurchases } from './findPendingPurchases'

/** Parameters of {@link deliverPending}. */
export type DeliverPendingParameters = {
  deployment: Deployment
  listings: readonly ListingSecret[]
  /** The first block that may hold a purchase still waiting (default: the deployment's); see `nextFromBlock`. */
  fromBlock?: bigint
  /** Purchases a transaction of this agent already carries (sent, not mined yet): never sent twice. */
  skip?: ReadonlySet<bigint>
  /** Where scanned log ranges are kept (default: the page's or process's log cache); `null` for none. */
  cache?: LogCache | null
  /** Called as soon as the transaction is sent, before its receipt: the caller remembers it in flight. */
  onSent?: (sent: { purchaseIds: readonly bigint[]; transactionHash: Hash }) => void
  /** Called once the purchases are read: up to which block, and which were still waiting for a key. */
  onRead?: (read: { toBlock: bigint; open: readonly bigint[] }) => void
}

/** What one round of delivery did. */
export type DeliverPendingReturnType = {
  delivered: bigint[]
  transactionHash?: Hash
  gasUsed?: bigint
  /** Another deliverer (a daemon, the creator) took some purchases between the read and the send. */
  raced?: boolean
  /**
   * Where the next round may start reading: the block of the oldest purchase still waiting after
   * this round, or the block after the last one read. Rounds then read a few blocks, not all history.
   */
  nextFromBlock: bigint
}

/** Reverts that mean someone else delivered (or the window closed) since the purchases were read. */
const racedErrors = new Set(['KeyswarmAlreadyDelivered', 'KeyswarmPurchaseClosed', 'KeyswarmDeliveryTooLate'])

/**
 * One round of the agent: finds purchases of the creator's listings still waiting for a key,
 * seals each listing's content key to each buyer's session key, and delivers them all in one
 * `deliverMany` transaction signed by the agent key (no wallet prompt). The transaction is
 * simulated first, so a purchase delivered meanwhile by someone else costs no reverted transaction.
 * @throws AgentOutOfGasError when the agent key cannot pay for the transaction (nothing is sent).
 */
export async function deliverPending(
  publicClient: PublicClient,
  walletClient: WalletClient<Transport, Chain | undefined, Account>,
  { deployment, listings, fromBlock, skip, onSent, onRead, cache }: DeliverPendingParameters,
): Promise<DeliverPendingReturnType> {
  const byId = new Map(listings.map((l) => [l.contentId, l]))
  const toBlock = await publicClient.getBlockNumber({ cacheTime: 0 })
  const open = await findPendingPurchases(publicClient, {
    deployment,
    contentIds: listings.map((l) => BigInt(l.contentId)),
    fromBlock,
    toBlock,
    cache,
  })
  onRead?.({ toBlock, open: open.map((p) => p.purchaseId) })
  const pending = open.filter((p) => !skip?.has(p.purchaseId))
  // Purchases left waiting (in flight, or failing below) must stay in the next round's range.
  const oldest = (purchases: readonly { blockNumber: bigint }[]) =>
    purchases.reduce((min, p) => (p.blockNumber < min ? p.blockNumber : min), toBlock + 1n)
  const nextFromBlock = oldest(open)
  if (pending.length === 0) return { delivered: [], nextFromBlock }
  const ids = pending.map((p) => p.purchaseId)
  const sealed = pending.map((p) =>
    sealKey({
      key: byId.get(String(p.contentId))!.key,
      deliverySecret: byId.get(String(p.contentId))!.deliverySecret,
      sessionPublicKey: p.session,
      purchaseId: p.purchaseId,
    }),
  )
  const agent = walletClient.account.address
  const call = {
    address: deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'deliverMany',
    args: [ids, sealed],
    account: walletClient.account,
  } as const
  let gas: bigint
  try {
    gas = await publicClient.estimateContractGas(call)
  } catch (error) {
    if (racedWith(error)) return { delivered: [], raced: true, nextFromBlock }
    if (isInsufficientFunds(error)) throw await outOfGas(publicClient, agent, error)
    throw error
  }
  const [balance, fees] = await Promise.all([
    publicClient.getBalance({ address: agent }),
    publicClient.estimateFeesPerGas(),
  ])
  if (balance < gas * fees.maxFeePerGas) throw new AgentOutOfGasError(agent, formatEther(balance))
  let transactionHash: Hash
  try {
    transactionHash = await walletClient.writeContract({ ...call, gas, chain: walletClient.chain })
  } catch (error) {
    if (isInsufficientFunds(error)) throw await outOfGas(publicClient, agent, error)
    throw error
  }
  onSent?.({ purchaseIds: ids, transactionHash })
  const receipt = await publicClient.waitForTransactionReceipt({ hash: transactionHash })
  if (receipt.status !== 'success') throw new AgentDeliveryRevertedError(transactionHash, ids.length)
  const delivered = parseEventLogs({ abi: keyswarmAbi, eventName: 'Delivered', logs: receipt.logs }).map(
    (log) => log.args.purchaseId,
  )
  const done = new Set(delivered)
  return {
    delivered,
    transactionHash,
    gasUsed: receipt.gasUsed,
    nextFromBlock: oldest(open.filter((p) => !done.has(p.purchaseId))),
  }
}

function racedWith(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError)
  return reverted instanceof ContractFunctionRevertedError && racedErrors.has(reverted.data?.errorName ?? '')
}

function isInsufficientFunds(error: unknown): boolean {
  return /insufficient funds|exceeds the balance|gas required exceeds allowance/i.test(
    String((error as Error)?.message),
  )
}

async function outOfGas(client: PublicClient, agent: `0x${string}`, cause: unknown) {
  const balance = await client.getBalance({ address: agent })
  return new AgentOutOfGasError(agent, formatEther(balance), { cause })
}
