import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from 'vitest'
import { findImportCycles } from './findImportCycles'

const root = resolve(import.meta.dirname, '../..')

test('lib/ has no import cycle between its files', () => {
  expect(findImportCycles({ root, folder: 'lib' })).toEqual([])
})

test('no lib/ domain imports one that imports it back', () => {
  expect(findImportCycles({ root, folder: 'lib', level: 'domain' })).toEqual([])
})

test('finds a cycle through a type import and an @/ alias', () => {
  const root = mkdtempSync(join(tmpdir(), 'cycles-'))
  mkdirSync(join(root, 'lib/a'), { recursive: true })
  writeFileSync(join(root, 'lib/a/one.ts'), "import type { Two } from './two'\nexport type One = Two\n")
  writeFileSync(join(root, 'lib/a/two.ts'), "import { three } from '@/lib/a/three'\nexport type Two = number\n")
  writeFileSync(join(root, 'lib/a/three.ts'), "export { one } from '../a/one'\nexport const three = 3\n")
  expect(findImportCycles({ root, folder: 'lib' })).toEqual([
    ['lib/a/one.ts', 'lib/a/two.ts', 'lib/a/three.ts', 'lib/a/one.ts'],
  ])
})

test('finds two domains that import each other through different files', () => {
  const root = mkdtempSync(join(tmpdir(), 'cycles-'))
  mkdirSync(join(root, 'lib/chain'), { recursive: true })
  mkdirSync(join(root, 'lib/purchases'), { recursive: true })
  writeFileSync(
    join(root, 'lib/chain/obtain.ts'),
    "import { load } from '@/lib/purchases/load'\nexport const obtain = load\n",
  )
  writeFileSync(join(root, 'lib/purchases/load.ts'), 'export const load = 1\n')
  writeFileSync(
    join(root, 'lib/purchases/unlock.ts'),
    "import { obtain } from '../chain/obtain'\nexport const unlock = obtain\n",
  )
  expect(findImportCycles({ root, folder: 'lib' })).toEqual([])
  expect(findImportCycles({ root, folder: 'lib', level: 'domain' })).toEqual([
    ['lib/chain', 'lib/purchases', 'lib/chain'],
  ])
})
