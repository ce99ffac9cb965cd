import { readFile, rename, writeFile } from 'node:fs/promises'
import type { AgentCursor, AgentCursorState } from '../../lib/agent/types'

/**
 * The daemon agent's cursor in a small JSON file (by default beside its secrets file): `npm run
 * agent` started again catches up from where it stopped. Written to a temporary file and renamed,
 * so a crash mid-write never leaves half a cursor.
 */
export function fileAgentCursor(path: string): AgentCursor {
  return {
    async load() {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
      const state = JSON.parse(text) as AgentCursorState
      if (!/^\d+$/.test(state.fromBlock) || !Array.isArray(state.listings))
        throw new Error(`${path} is not an agent state file: remove it to read from the deployment block.`)
      return state
    },
    async save(state) {
      await writeFile(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`)
      await rename(`${path}.tmp`, path)
    },
  }
}
