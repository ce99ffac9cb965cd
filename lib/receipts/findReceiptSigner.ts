import { get, set } from 'idb-keyval'
import type { Address, Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type { Deployment } from '@/lib/chain/deployments/index'
import { receiptTypedData } from '@/lib/chain/receiptTypedData'
import { receiptKey } from '@/lib/crypto/receiptKey'
import type { Keystore } from '@/lib/keystore/Keystore'
import type { ReceiptSigner } from '@/lib/torrent/receiptsSlot'
import { purchaseLedger } from './purchaseLedger'
import { receiptStore } from './receiptStore'

/** Parameters of {@link findReceiptSigner}. */
export type FindReceiptSignerParameters = { deployment: Deployment; infoHash: string }

/**
 * The receipt signer of this device's purchase of the torrent `infoHash`, for the receipts
 * extension: the latest purchase of it, its receipt key derived from the account secret while
 * this browser session has one, and kept beside the receipts so receipts go on after the
 * browser restarts, with the purchase's ledger of owed bytes (they survive reloads too). The receipt key signs receipts only: it cannot move or unlock anything.
 * Undefined when this device bought nothing with this torrent, or cannot sign for it yet.
 */
export async function findReceiptSigner(
  keystore: Keystore,
  { deployment, infoHash }: FindReceiptSignerParameters,
): Promise<ReceiptSigner | undefined> {
  const { chainId } = deployment
  const purchases = (await keystore.listPurchases({ chainId }))
    .filter((p) => p.infoHash.toLowerCase() === infoHash.toLowerCase())
    .sort((a, b) => Number(BigInt(b.purchaseId) - BigInt(a.purchaseId)))
  for (const purchase of purchases) {
    const secret = await receiptSecret(keystore, chainId, purchase)
    if (!secret) continue
    const account = privateKeyToAccount(secret)
    const purchaseId = BigInt(purchase.purchaseId)
    return {
      chainId,
      purchaseId,
      sign: ({ seeder, bytes }) => account.signTypedData(receiptTypedData({ deployment, purchaseId, seeder, bytes })),
      ledger: purchaseLedger({ chainId, purchaseId }),
    }
  }
  return undefined
}

type Purchase = { purchaseId: string; contentId: string; nonce: string; buyer: Address }

async function receiptSecret(keystore: Keystore, chainId: number, purchase: Purchase): Promise<Hex | undefined> {
  const key = `receipt-key:${chainId}:${purchase.purchaseId}`
  const kept = await get<Hex>(key, receiptStore())
  if (kept) return kept
  const accountSecret = await keystore.loadAccountSecret({ chainId, account: purchase.buyer })
  if (!accountSecret) return undefined
  const { secret } = receiptKey({
    accountSecret,
    contentId: BigInt(purchase.contentId),
    nonce: BigInt(purchase.nonce),
  })
  await set(key, secret, receiptStore())
  return secret
}
