/**
 * The Web Lock (and BroadcastChannel) name of the browser's one delivery agent on `chainId`:
 * whichever Keyswarm tab holds it delivers; the others wait their turn and show its status.
 */
export function agentLockName(chainId: number): string {
  return `keyswarm-agent-${chainId}`
}
