/**
 * `npm run gas`: measures the paywall contract against the gas ceilings of the protocol and prints
 * each figure beside its ceiling. Figures are whole-transaction gas (intrinsic and calldata included)
 * from contracts/test/KeyswarmGas.t.sol, run isolated; forge writes them to the checked-in
 * contracts/snapshots/KeyswarmGasTest.json, so a change in gas shows up in review.
 * `--strict` exits non-zero when a figure is over its ceiling.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { contractsDir } from './lib/buildContracts'

/** Snapshot name -> ceiling, and how many items the figure covers (ceilings per item divide by it). */
const ceilings = [
  { name: 'purchase ETH', ceiling: 100_000, items: 1 },
  { name: 'purchase ERC-20', ceiling: 120_000, items: 1 },
  { name: 'purchase ETH, first sale', ceiling: 100_000, items: 1 },
  { name: 'purchase ERC-20, first sale', ceiling: 120_000, items: 1 },
  { name: 'deliver', ceiling: 50_000, items: 1 },
  { name: 'deliverMany (10 items)', ceiling: 25_000, items: 10, unit: 'per item' },
  { name: 'claim', ceiling: 70_000, items: 1 },
  { name: 'claimMany (10 items)', ceiling: 30_000, items: 10, unit: 'per item' },
  { name: 'dispute', ceiling: 70_000, items: 1 },
  { name: 'list', ceiling: 250_000, items: 1, unit: 'with 200 bytes of metadata' },
] as const

function main() {
  const forge = join(import.meta.dirname, '..', 'node_modules', '.bin', 'forge')
  const output = execFileSync(forge, ['test', '--match-contract', 'KeyswarmGasTest', '--isolate'], {
    cwd: contractsDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  // Guard against reading an old snapshot: the gas tests must actually have run.
  if (!new RegExp(`${ceilings.length} passed; 0 failed`).test(output)) {
    throw new Error(`The gas tests did not all run:\n${output}`)
  }
  const snapshot = JSON.parse(readFileSync(join(contractsDir, 'snapshots', 'KeyswarmGasTest.json'), 'utf8')) as Record<
    string,
    string
  >

  const rows = ceilings.map(({ name, ceiling, items, ...rest }) => {
    const total = Number(snapshot[name])
    if (!Number.isFinite(total)) throw new Error(`No gas figure for "${name}" in the snapshot.`)
    const figure = Math.round(total / items)
    const unit = 'unit' in rest ? ` (${rest.unit})` : ''
    return { what: `${name}${unit}`, figure, ceiling, ok: figure <= ceiling }
  })

  const width = Math.max(...rows.map((row) => row.what.length))
  const number = (n: number) => n.toLocaleString('en-US').padStart(9)
  console.log(`${'Keyswarm gas'.padEnd(width)}  ${'gas'.padStart(9)}  ${'ceiling'.padStart(9)}  margin`)
  for (const { what, figure, ceiling, ok } of rows) {
    const margin = ceiling - figure
    console.log(
      `${what.padEnd(width)}  ${number(figure)}  ${number(ceiling)}  ${ok ? 'ok' : 'OVER'} ${margin >= 0 ? '+' : '-'}${Math.abs(margin).toLocaleString('en-US')}`,
    )
  }
  const over = rows.filter((row) => !row.ok)
  if (over.length > 0) {
    console.log(`\n${over.length} over the ceiling: see contracts/README.md, "Gas", for why.`)
    if (process.argv.includes('--strict')) process.exit(1)
  }
}

main()
