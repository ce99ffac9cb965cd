import { agentLockName } from './agentLockName'
import type { AgentMessage } from './agentMessages'

/**
 * Tells the browser's delivery agent, in whichever tab it runs (this one included), to try again
 * now instead of after its backoff: say, once its key was topped up.
 */
export function wakeAgent({ chainId }: { chainId: number }): void {
  const channel = new BroadcastChannel(agentLockName(chainId))
  channel.postMessage({ type: 'wake' } satisfies AgentMessage)
  channel.close()
}
