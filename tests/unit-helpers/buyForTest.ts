import { type Address, keccak256, parseEther, parseEventLogs, stringToHex } from 'viem'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import { type Point, pointAddress, publicPoint } from '../../lib/crypto'
import type { TestChain } from './startTestChain'

/** Parameters of {@link buyForTest}. */
export type BuyForTestParameters = {
  /** Dev account index of the buyer. */
  buyer: number
  contentId: bigint
  /** In wei, paid in ETH (default 0.01, {@link listForTest}'s price). */
  price?: bigint
  /** The purchase's session key B (default: a fresh random one). */
  session?: Point
  /** address(R) of the purchase's receipt key (default: a fresh random one). */
  receiptSigner?: Address
}

/** Buys an ETH listing on the test chain and returns the new purchase's id. */
export async function buyForTest(
  chain: TestChain,
  { buyer, contentId, price = parseEther('0.01'), session, receiptSigner }: BuyForTestParameters,
): Promise<bigint> {
  const B = session ?? publicPoint(keccak256(stringToHex(`session ${Math.random()}`)))
  const R = receiptSigner ?? pointAddress(publicPoint(keccak256(stringToHex(`receipt ${Math.random()}`))))
  const receipt = await chain.mined(
    chain.wallet(buyer).writeContract({
      address: chain.deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'purchase',
      args: [contentId, B.x, B.y, R, price],
      value: price,
    }),
  )
  return parseEventLogs({ abi: keyswarmAbi, logs: receipt.logs, eventName: 'Purchased' })[0]!.args.purchaseId
}
