import type { Address, Hex, PublicClient } from 'viem'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import type { Deployment } from '@/lib/chain/deployments/index'

/** What a receipt for one purchase is checked against: fixed from the purchase on, so read once. */
export type ReceiptTerms = {
  contentId: bigint
  /** The address the purchase's receipts must recover to. */
  receiptSigner: Address
  /** The listing's torrent, lower-case hex without 0x. */
  infoHash: string
  /** The listing's ciphertext size: no purchase pays for more bytes. */
  size: bigint
}

const cache = new Map<string, Promise<ReceiptTerms | undefined>>()

/**
 * The receipt signer, listing and size of a purchase, read from the chain once per tab (they
 * never change after purchase). Undefined for a purchase the chain does not know (yet): that
 * answer is not kept, so a purchase mined a moment later is found on the next receipt.
 */
export function readReceiptTerms(
  client: PublicClient,
  { deployment, purchaseId }: { deployment: Deployment; purchaseId: bigint },
): Promise<ReceiptTerms | undefined> {
  const key = `${deployment.chainId}:${deployment.keyswarm}:${purchaseId}`
  let terms = cache.get(key)
  if (!terms) {
    terms = read(client, deployment, purchaseId)
    cache.set(key, terms)
    terms.then(
      (found) => found || cache.delete(key),
      () => cache.delete(key),
    )
  }
  return terms
}

async function read(client: PublicClient, deployment: Deployment, purchaseId: bigint) {
  const info = await client.readContract({
    address: deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'purchases',
    args: [purchaseId],
  })
  if (info.state === 0) return undefined
  const listing = await client.readContract({
    address: deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'listings',
    args: [info.contentId],
  })
  return {
    contentId: info.contentId,
    receiptSigner: info.receiptSigner,
    infoHash: (listing.infoHash as Hex).slice(2).toLowerCase(),
    size: listing.size,
  }
}
