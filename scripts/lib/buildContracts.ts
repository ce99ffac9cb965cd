import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Abi, Hex } from 'viem'

const root = join(import.meta.dirname, '..', '..')

/** The Foundry project of the paywall contract. */
export const contractsDir = join(root, 'contracts')

/** What scripts need from a forge artifact. */
export type ContractArtifact = { abi: Abi; bytecode: Hex }

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

function artifactPath(name: string): string {
  return join(contractsDir, 'out', `${name}.sol`, `${name}.json`)
}

/**
 * Runs `forge build` when contracts/out is missing or older than contracts/src or foundry.toml.
 * forge itself is incremental; skipping it when nothing changed keeps deploys under a second.
 */
export function buildContracts({ force = false }: { force?: boolean } = {}): void {
  const artifact = artifactPath('Keyswarm')
  const sourcesChanged = () =>
    statSync(artifact).mtimeMs <
    Math.max(newestMtime(join(contractsDir, 'src')), statSync(join(contractsDir, 'foundry.toml')).mtimeMs)
  if (!force && existsSync(artifact) && !sourcesChanged()) return
  const forge = join(root, 'node_modules', '.bin', 'forge')
  // The whole project, tests included: a build that skipped them would leave forge's cache claiming
  // an up-to-date build while `forge test` finds no tests.
  execFileSync(forge, ['build'], { cwd: contractsDir, stdio: ['ignore', 'ignore', 'inherit'] })
}

/** Reads a compiled contract (building first when stale). */
export function readArtifact(name: string): ContractArtifact {
  buildContracts()
  const json = JSON.parse(readFileSync(artifactPath(name), 'utf8')) as { abi: Abi; bytecode: { object: Hex } }
  return { abi: json.abi, bytecode: json.bytecode.object }
}
