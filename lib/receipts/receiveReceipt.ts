import type { PublicClient } from 'viem'
import type { Deployment } from '@/lib/chain/deployments/index'
import type { ReceiptMessage } from '@/lib/torrent/receiptsProtocol'
import { keepBestReceipt } from './keepBestReceipt'
import { verifyReceipt } from './verifyReceipt'

/** Name of the BroadcastChannel on which a tab says it keeps a new best receipt. */
export const RECEIPTS_CHANNEL = 'keyswarm-receipts'

/**
 * A seeder's tab takes a receipt from the wire: checks it against the chain, keeps it when it is
 * this purchase's best for the seeder, and tells the site's tabs (the Earnings list refreshes).
 * @throws ReceiptRefusedError when the receipt pays nothing.
 */
export async function receiveReceipt(
  client: PublicClient,
  { deployment, receipt, infoHash }: { deployment: Deployment; receipt: ReceiptMessage; infoHash: string },
): Promise<void> {
  const checked = await verifyReceipt(client, { deployment, receipt, infoHash })
  const { kept } = await keepBestReceipt(checked)
  if (!kept || typeof BroadcastChannel === 'undefined') return
  const channel = new BroadcastChannel(RECEIPTS_CHANNEL)
  channel.postMessage({ purchaseId: checked.purchaseId, seeder: checked.seeder })
  channel.close()
}
