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
 * 250 ms), in a process group of its own, and resolves once it says it is delivering (starting tsx
 * takes a while on a loaded machine: a purchase made before would wait out the page's patience).
 * Resolves with the function that stops it; call it in `finally`.
 */
export async function startAgentDaemon({ rpcUrl, secretsPath }: StartAgentDaemonParameters): Promise<() => void> {
  const daemon = spawn('npx', ['tsx', 'scripts/agent.ts', '--rpc', rpcUrl, '--secrets', secretsPath, '--interval', '250'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const stop = () => {
    if (daemon.pid) process.kill(-daemon.pid, 'SIGTERM')
  }
  let output = ''
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The agent daemon did not start in 90 s:\n${output}`)), 90_000)
      const read = (chunk: Buffer) => {
        output += chunk.toString()
        if (!/delivering for \d+ listing/.test(output)) return
        clearTimeout(timer)
        resolve()
      }
      daemon.stdout.on('data', read)
      daemon.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
      daemon.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`The agent daemon exited (${code}) before delivering:\n${output}`))
      })
    })
  } catch (error) {
    stop()
    throw error
  }
  return stop
}
