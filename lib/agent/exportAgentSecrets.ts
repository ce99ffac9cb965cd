import type { Address } from 'viem'
import type { Keystore } from '../keystore/Keystore'
import type { HeldReceipt } from '../receipts/types'
import type { AgentSecrets } from './types'

/** Parameters of {@link exportAgentSecrets}. */
export type ExportAgentSecretsParameters = {
  chainId: number
  creator: Address
  /** Seeding receipts this device holds (lib/receipts `listReceipts`): those paying `creator` on `chainId` go along. */
  receipts?: readonly HeldReceipt[]
}

/**
 * What `npm run agent` needs to deliver for `creator` around the clock: this browser's agent key
 * and every listing's content key and delivery secret. Whoever holds it can read the listings:
 * keep the file as private as the files themselves. With the creator's seeding receipts, the
 * daemon also claims them (`collectPools`): a node process is no WebRTC peer, so receipts reach it
 * only this way, as they were at export.
 */
export async function exportAgentSecrets(
  keystore: Keystore,
  { chainId, creator, receipts = [] }: ExportAgentSecretsParameters,
): Promise<AgentSecrets> {
  const [agentKey, listings] = await Promise.all([
    keystore.loadAgentKey({ chainId, creator }),
    keystore.listListingSecrets({ chainId, creator }),
  ])
  const own = receipts.filter((r) => r.chainId === chainId && r.seeder.toLowerCase() === creator.toLowerCase())
  return { chainId, agentKey, listings, receipts: own }
}
