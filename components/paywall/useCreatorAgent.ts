'use client'

import { useSyncExternalStore } from 'react'
import { type AgentStatusSnapshot, agentStatusStore } from '@/lib/agent/agentStatusStore'

const serverSnapshot: AgentStatusSnapshot = { creators: [] }

/**
 * What the browser's delivery agent is doing (see `CreatorAgentHost`): one entry per creator with
 * listings on this device, and whether this tab or another one runs it.
 */
export function useCreatorAgent(): AgentStatusSnapshot {
  return useSyncExternalStore(agentStatusStore.subscribe, agentStatusStore.get, () => serverSnapshot)
}
