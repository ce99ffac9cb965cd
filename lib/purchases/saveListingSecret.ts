import { set } from 'idb-keyval'
import { paywallStore } from './paywallStore'
import type { ListingSecret } from './types'

/** Keeps a listing's content key and delivery secret on the creator's device. */
export async function saveListingSecret(secret: ListingSecret): Promise<void> {
  await set(`listing:${secret.chainId}:${secret.contentId}`, secret, paywallStore())
}
