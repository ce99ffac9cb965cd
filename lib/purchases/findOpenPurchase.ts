import type { Address, Hex, PublicClient } from 'viem'
import type { Deployment } from '../chain/deployments/index'
import { readPurchaseClock } from '../chain/readPurchaseClock'
import { readPurchases } from '../chain/readPurchases'
import { sessionKey } from '../crypto'
import type { Keystore } from '../keystore/Keystore'
import type { PurchaseRecord } from '../keystore/types'

/** Parameters of {@link findOpenPurchase}. */
export type FindOpenPurchaseParameters = {
  deployment: Deployment
  contentId: bigint
  /** The listing's infohash, for records made from the chain. */
  infoHash: string
  /**
   * The connected account, if any: its purchases on chain that this device has no record of yet
   * (the page closed while the purchase was being mined) are found and kept too.
   */
  buyer?: Address
}

/** A purchase of this device still waiting for (or holding an unchecked) key, with its clock. */
export type OpenPurchase = {
  record: PurchaseRecord
  /** The purchase's session secret b, from the account secret cached on this device. */
  sessionSecret: Hex
  /** `Pending`, `Expired` (refundable) or `Delivered` (a key to check). */
  state: 'pending' | 'expired' | 'delivered'
  /** Unix seconds of the purchase and of its delivery deadline, from the chain. */
  purchasedAt: number
  deliveryDeadline: number
}

/**
 * The newest purchase of `contentId` this device made whose key is not verified yet and that is
 * still open on chain: what a reloaded watch page resumes waiting for. Undefined when there is
 * none, or when this device no longer holds the account secret to open its key.
 */
export async function findOpenPurchase(
  client: PublicClient,
  keystore: Keystore,
  { deployment, contentId, infoHash, buyer }: FindOpenPurchaseParameters,
): Promise<OpenPurchase | undefined> {
  const { chainId } = deployment
  const records = await keystore.listPurchases({ chainId, contentId })
  if (buyer)
    records.push(
      ...(await findUnrecorded(client, keystore, { deployment, contentId, infoHash, buyer, known: records })),
    )
  const candidates = records.filter((r) => !r.key).sort((a, b) => Number(BigInt(b.purchaseId) - BigInt(a.purchaseId)))
  for (const record of candidates) {
    const info = await readPurchaseClock(client, { deployment, purchaseId: BigInt(record.purchaseId) })
    const state = info.state
    if (state !== 'pending' && state !== 'expired' && state !== 'delivered') continue
    const accountSecret = await keystore.loadAccountSecret({ chainId, account: record.buyer })
    if (!accountSecret) continue
    const session = sessionKey({ accountSecret, contentId, nonce: BigInt(record.nonce) })
    return {
      record,
      sessionSecret: session.secret,
      state,
      purchasedAt: info.purchasedAt,
      deliveryDeadline: info.deliveryDeadline,
    }
  }
  return undefined
}

/** The buyer's purchases of the listing on chain that have no record here, matched to their nonce and kept. */
async function findUnrecorded(
  client: PublicClient,
  keystore: Keystore,
  {
    deployment,
    contentId,
    infoHash,
    buyer,
    known,
  }: { deployment: Deployment; contentId: bigint; infoHash: string; buyer: Address; known: readonly PurchaseRecord[] },
): Promise<PurchaseRecord[]> {
  const accountSecret = await keystore.loadAccountSecret({ chainId: deployment.chainId, account: buyer })
  if (!accountSecret) return []
  const ids = new Set(known.map((r) => r.purchaseId))
  const onChain = await readPurchases(client, { deployment, buyer, contentId })
  const found: PurchaseRecord[] = []
  for (const [index, purchase] of onChain.entries()) {
    if (ids.has(String(purchase.purchaseId))) continue
    // The n-th purchase of a listing used nonce n (unlockListing counts the earlier ones); look around it.
    for (const nonce of [index, index - 1, index + 1, index + 2]) {
      if (nonce < 0) continue
      if (sessionKey({ accountSecret, contentId, nonce: BigInt(nonce) }).publicKey.x !== purchase.session.x) continue
      const record: PurchaseRecord = {
        chainId: deployment.chainId,
        purchaseId: String(purchase.purchaseId),
        contentId: String(contentId),
        buyer,
        nonce: String(nonce),
        infoHash,
        blockNumber: String(purchase.blockNumber),
      }
      await keystore.savePurchase(record)
      found.push(record)
      break
    }
  }
  return found
}
