import { spawn } from 'node:child_process'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..', '..', '..')

/** Parameters of {@link startAgentDaemon}. */
export type StartAgentDaemonParameters = {
  /** The chain the daemon reads and writes (the stack's anvil). */
  rpcUrl: string
  /** A secrets file from {@link publishWithAgentSecrets}. */
  secretsPath: string
}

/**
 * Starts the creator's delivery agent as `npm run agent` would (scripts/agent.ts, polling every
 * 250 ms), in a process group of its own. Returns the function that stops it; call it in `finally`.
 */
export function startAgentDaemon({ rpcUrl, secretsPath }: StartAgentDaemonParameters): () => void {
  const daemon = spawn('npx', ['tsx', 'scripts/agent.ts', '--rpc', rpcUrl, '--secrets', secretsPath, '--interval', '250'], {
    cwd: root,
    stdio: 'ignore',
    detached: true,
  })
  return () => {
    if (daemon.pid) process.kill(-daemon.pid, 'SIGTERM')
  }
}
