import type { CreatorAgentStatus } from './types'

/** What the tabs of one browser tell each other about the delivery agent (BroadcastChannel). */
export type AgentMessage =
  /** The agent's tab reports every change. */
  | { type: 'status'; creators: CreatorAgentStatus[] }
  /** A tab just opened and asks the agent's tab to report. */
  | { type: 'hello' }
  /** Something changed that a waiting agent should act on now (a top-up, an authorization). */
  | { type: 'wake' }
