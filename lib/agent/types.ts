import type { Address, Hex } from 'viem'
import type { ListingSecret } from '../keystore/types'
import type { HeldReceipt } from '../receipts/types'

/**
 * What an agent needs to deliver for a creator, as the creator's tab exports it for
 * `npm run agent`: the hot agent key and each listing's content key and delivery secret, and the
 * seeding receipts the creator's tab held then (the daemon claims them; it cannot receive new ones).
 */
export type AgentSecrets = { chainId: number; agentKey: Hex; listings: ListingSecret[]; receipts?: HeldReceipt[] }

/** What one creator's agent in this browser is doing, as the status line shows it. */
export type CreatorAgentStatus = {
  creator: Address
  /** The agent key's address (it signs deliveries). */
  agent: Address
  /** Whether the creator has authorized the agent key with `setAgent`. */
  authorized: boolean
  listings: number
  /** Keys delivered since this agent started. */
  delivered: number
  /** Gas of the last delivery batch. */
  lastGas?: bigint
  /** Wei the agent key holds, once read. */
  balance?: bigint
  /** Too little gas money to deliver a key. */
  outOfGas: boolean
  /** The last block whose purchases the agent has read, once it has finished a round. */
  scannedBlock?: bigint
  /** Purchases read in the last round still waiting for a key after it. */
  waiting?: number
  /** The last round's failure, as a sentence; cleared by the next good round. */
  error?: string
}

/** How far an agent has read: the first block its next round reads, and the listings that covers. */
export type AgentCursorState = {
  /** A block number, as a decimal string (JSON and IndexedDB alike). */
  fromBlock: string
  /** Content ids (decimal strings) whose purchases before `fromBlock` were all handled. */
  listings: string[]
}

/** Where an agent keeps its cursor between runs (see `runAgent`'s `cursor`). */
export type AgentCursor = {
  load(): Promise<AgentCursorState | undefined>
  save(state: AgentCursorState): Promise<void>
}
