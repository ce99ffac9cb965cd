import type { PublicClient } from 'viem'
import type { Config } from 'wagmi'
import type { Deployment } from '../chain/deployments/index'
import { obtainAccountSecret } from '../chain/obtainAccountSecret'
import { prepareWallet } from '../chain/prepareWallet'
import { readDeliveries } from '../chain/readDeliveries'
import { readListings } from '../chain/readListings'
import { readPurchases } from '../chain/readPurchases'
import { sessionKey } from '../crypto'
import type { Keystore } from '../keystore/Keystore'
import type { PurchaseRecord } from '../keystore/types'
import { openDelivery } from './openDelivery'

/** Parameters of {@link restorePurchases}. */
export type RestorePurchasesParameters = { deployment: Deployment }

/**
 * Restores every purchase of the connected account on this device with one signature: reads its
 * `Purchased` events, finds each session secret again (the nonce is a small counter, matched
 * against B on chain), opens each delivered key and keeps the ones that verify.
 */
export async function restorePurchases(
  config: Config,
  publicClient: PublicClient,
  keystore: Keystore,
  { deployment }: RestorePurchasesParameters,
): Promise<PurchaseRecord[]> {
  const buyer = await prepareWallet(config, { chainId: deployment.chainId })
  const secret = await obtainAccountSecret(config, keystore, { deployment, account: buyer })
  const [purchases, listings] = await Promise.all([
    readPurchases(publicClient, { deployment, buyer }),
    readListings(publicClient, { deployment }),
  ])
  const byId = new Map(listings.map((l) => [l.contentId, l]))
  const deliveries = await readDeliveries(publicClient, { deployment, purchases })
  const perListing = new Map<bigint, number>()
  const restored: PurchaseRecord[] = []
  for (const purchase of purchases) {
    const listing = byId.get(purchase.contentId)
    const tries = (perListing.get(purchase.contentId) ?? 0) + 1
    perListing.set(purchase.contentId, tries)
    if (!listing) continue
    // Purchases are read oldest first, so the n-th purchase of a listing used a nonce below n.
    let nonce = -1
    let session
    for (let n = 0; n < tries + 2 && nonce < 0; n++) {
      const candidate = sessionKey({ accountSecret: secret, contentId: purchase.contentId, nonce: BigInt(n) })
      if (candidate.publicKey.x === purchase.session.x) {
        nonce = n
        session = candidate
      }
    }
    if (!session) continue // bought with another account secret (another app or wallet)
    const record: PurchaseRecord = {
      chainId: deployment.chainId,
      purchaseId: String(purchase.purchaseId),
      contentId: String(purchase.contentId),
      buyer,
      nonce: String(nonce),
      infoHash: listing.infoHash,
    }
    const sealedKey = deliveries.get(purchase.purchaseId)
    if (sealedKey) {
      try {
        record.key = openDelivery({
          sealedKey,
          sessionSecret: session.secret,
          deliveryPublicKey: listing.delivery,
          purchaseId: purchase.purchaseId,
          keyHash: listing.keyHash,
        })
      } catch (error) {
        // A wrong delivery stays restorable as a purchase without a key: the buyer may dispute it.
        console.warn('[keyswarm] a restored purchase has a wrong key', error)
      }
    }
    await keystore.savePurchase(record)
    restored.push(record)
  }
  return restored
}
