import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { assertPortFree, freePorts } from '../../scripts/lib/startStack'
import { expect, test } from './fixtures'

const root = join(import.meta.dirname, '..', '..')

type Run = { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: string | null }> }

/** Runs `npm start` in its own process group, as a terminal would, on the given ports. */
function npmStart(ports: { chain: number; tracker: number; web: number; relay: number }): Run {
  const child = spawn('npm', ['start'], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      // The suite runs on the build `npm test` just made; sources edited since must not trigger a rebuild here.
      KEYSWARM_NO_BUILD: '1',
      KEYSWARM_CHAIN_PORT: String(ports.chain),
      KEYSWARM_TRACKER_PORT: String(ports.tracker),
      KEYSWARM_WEB_PORT: String(ports.web),
      KEYSWARM_RELAY_PORT: String(ports.relay),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  return { child, output: () => output, exited }
}

/** Processes still alive in a process group. */
function groupMembers(pgid: number): string[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '-g', String(pgid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean)
  } catch {
    return [] // ps exits 1 when nothing matches
  }
}

async function ports() {
  const [chain, tracker, web, relay] = await freePorts(4)
  return { chain: chain!, tracker: tracker!, web: web!, relay: relay! }
}

test.describe('npm start', () => {
  test.setTimeout(120_000)

  test('brings the stack up, answers, and Ctrl-C leaves no process behind — twice in a row', async () => {
    const p = await ports()
    for (const round of [1, 2]) {
      const run = npmStart(p)
      await expect.poll(run.output, { timeout: 60_000, message: `round ${round}: the stack comes up` }).toContain('Keyswarm is running')

      const page = await fetch(`http://127.0.0.1:${p.web}/`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('Keyswarm')
      expect(decodeURIComponent(page.headers.get('set-cookie') ?? '')).toContain(`"rpcUrl":"http://127.0.0.1:${p.chain}"`)
      const chainId = await fetch(`http://127.0.0.1:${p.chain}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      }).then((response) => response.json())
      expect(chainId.result).toBe('0x7a69')
      const code = await fetch(`http://127.0.0.1:${p.chain}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'eth_getCode', params: [run.output().match(/Keyswarm (0x[0-9a-fA-F]{40})/)![1], 'latest'] }),
      }).then((response) => response.json())
      expect(code.result.length, 'the contract is deployed').toBeGreaterThan(100)

      // Ctrl-C in a terminal signals the whole process group: npm, tsx, the stack and anvil.
      process.kill(-run.child.pid!, 'SIGINT')
      // npm itself dies of the signal, as it does in a terminal; the stack must stop cleanly behind it.
      expect((await run.exited).code ?? (await run.exited).signal).toMatch(/^(0|SIGINT)$/)
      await expect.poll(() => groupMembers(run.child.pid!), { timeout: 15_000 }).toEqual([])
      expect(run.output()).toContain('Stopped.')
      for (const port of Object.values(p)) await assertPortFree(port)
    }
  })

  test('a port in use gives a clear message, not a stack trace', async () => {
    const p = await ports()
    const squatter = createServer().listen(p.web, '127.0.0.1')
    try {
      const run = npmStart(p)
      expect((await run.exited).code).toBe(1)
      expect(run.output()).toContain(`Port ${p.web} on 127.0.0.1 is already in use`)
      expect(run.output()).not.toMatch(/\n\s+at /)
      expect(groupMembers(run.child.pid!)).toEqual([])
    } finally {
      squatter.close()
    }
  })
})
