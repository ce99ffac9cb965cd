import { type UseStore, createStore, get, set } from 'idb-keyval'
import type { Address } from 'viem'
import type { AgentCursor } from './types'

let store: UseStore | undefined

/** Parameters of {@link idbAgentCursor}. */
export type IdbAgentCursorParameters = { chainId: number; creator: Address }

/**
 * The tab agent's cursor for one creator, in its own IndexedDB store: a tab opened again (or
 * another tab taking the agent over) catches up from where the last one stopped.
 */
export function idbAgentCursor({ chainId, creator }: IdbAgentCursorParameters): AgentCursor {
  store ??= createStore('keyswarm-agent', 'cursors')
  const own = store
  const key = `${chainId}:${creator.toLowerCase()}`
  return { load: () => get(key, own), save: (state) => set(key, state, own) }
}
