import type { CreatorAgentStatus } from './types'

/** What every tab knows of the browser's one delivery agent. */
export type AgentStatusSnapshot = {
  /** `this-tab` while this tab holds the agent lock, `other-tab` once another tab reported, else unknown. */
  host?: 'this-tab' | 'other-tab'
  creators: readonly CreatorAgentStatus[]
}

let snapshot: AgentStatusSnapshot = { creators: [] }
const listeners = new Set<() => void>()

/**
 * The agent's status in this tab, for `useSyncExternalStore`: written by the tab that runs the
 * agent, and by the other tabs from what it broadcasts.
 */
export const agentStatusStore = {
  get: (): AgentStatusSnapshot => snapshot,
  set(next: AgentStatusSnapshot) {
    snapshot = next
    for (const listener of listeners) listener()
  },
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  },
}
