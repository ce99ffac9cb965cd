import type { Address, Hex, PublicClient } from 'viem'
import type { Deployment } from '@/lib/chain/deployments/index'
import { readListings } from '@/lib/chain/readListings'
import { isFreeListing } from '@/lib/chain/isFreeListing'
import type { Keystore } from '@/lib/keystore/Keystore'
import type { ListingSecret } from '@/lib/keystore/types'
import { matchListingSalts } from './matchListingSalts'

/** Parameters of {@link restoreListings}. */
export type RestoreListingsParameters = {
  deployment: Deployment
  creator: Address
  /** The creator's account secret `m` (from one signature: `obtainAccountSecret`). */
  accountSecret: Hex
}

/** What {@link restoreListings} found. */
export type RestoreListingsReturnType = {
  /** The paid listings whose secrets are now on this device. */
  restored: ListingSecret[]
  /** Paid listings of the creator that no deterministic salt gives (made with a random salt). */
  unrestorable: bigint[]
  /** Free listings: nothing to restore, they need no key. */
  free: number
}

/**
 * Restores a creator's listing secrets (content key `K`, delivery secret `c`) on this device from
 * the account secret alone: reads the creator's `Listed` events, finds each listing's salt index
 * by matching its keyHash and delivery key `C` (see `matchListingSalts`), and keeps the secrets
 * as publishing does, so this tab's agent delivers and the creator can play their own content.
 * @example
 * const m = await obtainAccountSecret(config, keystore, { deployment, account })
 * const { restored } = await restoreListings(publicClient, keystore, { deployment, creator: account, accountSecret: m })
 */
export async function restoreListings(
  client: PublicClient,
  keystore: Keystore,
  { deployment, creator, accountSecret }: RestoreListingsParameters,
): Promise<RestoreListingsReturnType> {
  const listings = await readListings(client, { deployment, creator })
  const paid = listings.filter((l) => !isFreeListing(l))
  const matched = matchListingSalts({ accountSecret, listings: paid })
  const restored: ListingSecret[] = []
  for (const m of matched) {
    const secret: ListingSecret = {
      chainId: deployment.chainId,
      contentId: String(m.contentId),
      creator,
      infoHash: m.infoHash,
      key: m.key,
      deliverySecret: m.deliverySecret,
      salt: m.salt,
    }
    await keystore.saveListingSecret(secret)
    await keystore.reserveSalt({ chainId: deployment.chainId, creator, salt: m.salt })
    restored.push(secret)
  }
  const found = new Set(matched.map((m) => m.contentId))
  return {
    restored,
    unrestorable: paid.filter((l) => !found.has(l.contentId)).map((l) => l.contentId),
    free: listings.length - paid.length,
  }
}
