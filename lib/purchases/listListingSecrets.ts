import { entries } from 'idb-keyval'
import type { Address } from 'viem'
import { paywallStore } from './paywallStore'
import type { ListingSecret } from './types'

/** The listing secrets this device holds on `chainId`, optionally only `creator`'s. */
export async function listListingSecrets({
  chainId,
  creator,
}: {
  chainId: number
  creator?: Address
}): Promise<ListingSecret[]> {
  const all = await entries<string, ListingSecret>(paywallStore())
  return all
    .filter(([key]) => key.startsWith(`listing:${chainId}:`))
    .map(([, value]) => value)
    .filter((s) => !creator || s.creator.toLowerCase() === creator.toLowerCase())
}
