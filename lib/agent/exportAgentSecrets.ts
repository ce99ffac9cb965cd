import type { Address } from 'viem'
import type { Keystore } from '../keystore/Keystore'
import type { AgentSecrets } from './types'

/**
 * What `npm run agent` needs to deliver for `creator` around the clock: this browser's agent key
 * and every listing's content key and delivery secret. Whoever holds it can read the listings:
 * keep the file as private as the files themselves.
 */
export async function exportAgentSecrets(
  keystore: Keystore,
  { chainId, creator }: { chainId: number; creator: Address },
): Promise<AgentSecrets> {
  const [agentKey, listings] = await Promise.all([
    keystore.loadAgentKey({ chainId, creator }),
    keystore.listListingSecrets({ chainId, creator }),
  ])
  return { chainId, agentKey, listings }
}
