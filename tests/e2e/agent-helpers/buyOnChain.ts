import { type Address, type Hex, createWalletClient, http, keccak256, parseEther, parseEventLogs, toHex } from 'viem'
import { anvil } from 'viem/chains'
import { keyswarmAbi } from '../../../lib/chain/abi/keyswarmAbi'
import { pointAddress, publicPoint } from '../../../lib/crypto'
import type { E2EChain, E2EStack } from '../fixtures'

/**
 * Buys a listing straight on chain from an unlocked dev account, with throwaway session and receipt keys:
 * for journeys that watch the creator's side only. Returns the purchase id.
 */
export async function buyOnChain(
  chain: E2EChain,
  stack: E2EStack,
  { buyer, contentId, price = parseEther('0.01') }: { buyer: Address; contentId: bigint; price?: bigint },
): Promise<bigint> {
  const wallet = createWalletClient({ chain: anvil, transport: http(stack.rpcUrl), account: buyer })
  const B = publicPoint(keccak256(toHex(`session ${buyer} ${contentId} ${Date.now()} ${Math.random()}`)))
  const R = pointAddress(publicPoint(keccak256(toHex(`receipt ${buyer} ${contentId} ${Date.now()} ${Math.random()}`))))
  const hash = await wallet.writeContract({
    address: stack.deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'purchase',
    args: [contentId, B.x, B.y, R, price],
    value: price,
  })
  const receipt = await chain.public.waitForTransactionReceipt({ hash })
  return parseEventLogs({ abi: keyswarmAbi, logs: receipt.logs, eventName: 'Purchased' })[0]!.args.purchaseId
}

/** The `Delivered` events of one purchase (more than one would be a double delivery). */
export async function deliveriesOf(chain: E2EChain, stack: E2EStack, purchaseId: bigint): Promise<Hex[]> {
  const logs = await chain.public.getContractEvents({
    address: stack.deployment.keyswarm,
    abi: keyswarmAbi,
    eventName: 'Delivered',
    args: { purchaseId },
    fromBlock: BigInt(stack.deployment.deployBlock),
  })
  return logs.map((log) => log.transactionHash)
}

/** Every transaction `from` sent in blocks `fromBlock`..latest, with whether it succeeded. */
export async function transactionsFrom(
  chain: E2EChain,
  { from, fromBlock }: { from: Address; fromBlock: bigint },
): Promise<{ hash: Hex; status: 'success' | 'reverted' }[]> {
  // Uncached: viem reuses a block number for its polling interval (4 s), which can end the scan before the newest block.
  const latest = await chain.public.getBlockNumber({ cacheTime: 0 })
  const sent: { hash: Hex; status: 'success' | 'reverted' }[] = []
  for (let n = fromBlock; n <= latest; n++) {
    const block = await chain.public.getBlock({ blockNumber: n, includeTransactions: true })
    for (const tx of block.transactions) {
      if (tx.from.toLowerCase() !== from.toLowerCase()) continue
      const { status } = await chain.public.getTransactionReceipt({ hash: tx.hash })
      sent.push({ hash: tx.hash, status })
    }
  }
  return sent
}
