import type { Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import { publicPoint, sealKey } from '../../lib/crypto'
import type { ListingSecret } from '../../lib/purchases/types'
import { buyForTest } from './buyForTest'
import type { TestChain } from './startTestChain'

/** Parameters of {@link buyDeliveredForTest}. */
export type BuyDeliveredForTestParameters = {
  /** Dev account indexes of the buyer and of the listing's creator (who delivers). */
  buyer: number
  creator: number
  /** A paid listing from `listPaidForTest`. */
  listing: ListingSecret
  /** The key delivered (default: the listing's own; another one is a wrong delivery). */
  deliveredKey?: Hex
}

/**
 * Buys a paid listing on the test chain with fresh session and receipt keys, and has its creator
 * deliver the key sealed to that session. Returns the purchase id and both secrets.
 */
export async function buyDeliveredForTest(
  chain: TestChain,
  { buyer, creator, listing, deliveredKey = listing.key }: BuyDeliveredForTestParameters,
): Promise<{ purchaseId: bigint; sessionSecret: Hex; receiptSecret: Hex; sealedKey: Hex }> {
  const sessionSecret = generatePrivateKey()
  const receiptSecret = generatePrivateKey()
  const sessionPublicKey = publicPoint(sessionSecret)
  const purchaseId = await buyForTest(chain, {
    buyer,
    contentId: BigInt(listing.contentId),
    session: sessionPublicKey,
    receiptSigner: privateKeyToAccount(receiptSecret).address,
  })
  const sealedKey = sealKey({ key: deliveredKey, deliverySecret: listing.deliverySecret, sessionPublicKey, purchaseId })
  await chain.mined(
    chain.wallet(creator).writeContract({
      address: chain.deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'deliver',
      args: [purchaseId, sealedKey],
    }),
  )
  return { purchaseId, sessionSecret, receiptSecret, sealedKey }
}
