import type { Address, Hex, PublicClient } from 'viem'
import type { Deployment } from '@/lib/chain/deployments/index'
import { readListings } from '@/lib/chain/readListings'
import type { Keystore } from '@/lib/keystore/Keystore'
import { listingSalt } from './listingSalt'
import { matchListingSalts } from './matchListingSalts'

/** Parameters of {@link nextListingSalt}. */
export type NextListingSaltParameters = {
  deployment: Deployment
  creator: Address
  /** The creator's account secret `m`. */
  accountSecret: Hex
  /** Salts to skip on top of the chain's and this device's (one found taken at the last moment). */
  skip?: readonly Hex[]
}

/**
 * The salt for the creator's next paid listing: the first deterministic index (see
 * {@link listingSalt}) that none of the creator's on-chain listings, this device's listing
 * secrets nor this device's earlier attempts used. Reserves it on this device before returning.
 */
export async function nextListingSalt(
  client: PublicClient,
  keystore: Keystore,
  { deployment, creator, accountSecret, skip = [] }: NextListingSaltParameters,
): Promise<{ index: number; salt: Hex }> {
  const [listings, secrets, reserved] = await Promise.all([
    readListings(client, { deployment, creator }),
    keystore.listListingSecrets({ chainId: deployment.chainId, creator }),
    keystore.loadReservedSalts({ chainId: deployment.chainId, creator }),
  ])
  const used = new Set<string>([...secrets.map((s) => s.salt), ...reserved, ...skip].map((s) => s.toLowerCase()))
  for (const matched of matchListingSalts({ accountSecret, listings })) used.add(matched.salt.toLowerCase())
  for (let index = 0; ; index++) {
    const salt = listingSalt({ accountSecret, index })
    if (used.has(salt.toLowerCase())) continue
    await keystore.reserveSalt({ chainId: deployment.chainId, creator, salt })
    return { index, salt }
  }
}
