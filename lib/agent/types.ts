import type { Hex } from 'viem'
import type { ListingSecret } from '../purchases/types'

/**
 * What an agent needs to deliver for a creator, as the creator's tab exports it for
 * `npm run agent`: the hot agent key and each listing's content key and delivery secret.
 */
export type AgentSecrets = { chainId: number; agentKey: Hex; listings: ListingSecret[] }
