import { type PublicClient, isAddressEqual, recoverTypedDataAddress } from 'viem'
import type { Deployment } from '@/lib/chain/deployments/index'
import { receiptTypedData } from '@/lib/chain/receiptTypedData'
import type { ReceiptMessage } from '@/lib/torrent/receiptsProtocol'
import { ReceiptRefusedError } from './errors'
import { readReceiptTerms } from './readReceiptTerms'
import type { HeldReceipt } from './types'

/** Parameters of {@link verifyReceipt}. */
export type VerifyReceiptParameters = {
  deployment: Deployment
  receipt: ReceiptMessage
  /** The torrent the receipt came in on: it must be the purchased listing's. */
  infoHash: string
}

/**
 * Checks a receipt from the wire against the chain, as `claim` will: same chain and contract,
 * a purchase of the listing whose torrent it came in on, no more bytes than the listing's size,
 * and a signature by the purchase's receipt signer. Resolves with the receipt as this device holds it.
 *
 * @throws ReceiptRefusedError with the reason.
 */
export async function verifyReceipt(
  client: PublicClient,
  { deployment, receipt, infoHash }: VerifyReceiptParameters,
): Promise<HeldReceipt> {
  const { purchaseId, seeder, bytes, signature } = receipt
  if (receipt.chainId !== deployment.chainId) {
    throw new ReceiptRefusedError(purchaseId, `it is for chain ${receipt.chainId}, not ${deployment.chainId}`)
  }
  const terms = await readReceiptTerms(client, { deployment, purchaseId })
  if (!terms) throw new ReceiptRefusedError(purchaseId, 'the chain has no such purchase')
  if (terms.infoHash !== infoHash.toLowerCase()) {
    throw new ReceiptRefusedError(purchaseId, 'it names a purchase of another listing')
  }
  if (bytes === 0n || bytes > terms.size) {
    throw new ReceiptRefusedError(purchaseId, `${bytes} bytes is not within the listing's ${terms.size}`)
  }
  const signer = await recoverTypedDataAddress({
    ...receiptTypedData({ deployment, purchaseId, seeder, bytes }),
    signature,
  }).catch((error: unknown) => {
    throw new ReceiptRefusedError(purchaseId, 'its signature is malformed', { cause: error })
  })
  if (!isAddressEqual(signer, terms.receiptSigner)) {
    throw new ReceiptRefusedError(purchaseId, 'it is not signed by the purchase’s receipt key')
  }
  return {
    chainId: deployment.chainId,
    purchaseId: String(purchaseId),
    seeder,
    bytes: String(bytes),
    signature,
    contentId: String(terms.contentId),
    infoHash: terms.infoHash,
    receivedAt: Date.now(),
  }
}
