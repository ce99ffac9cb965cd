import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/** Parameters of {@link findImportCycles}. */
export type FindImportCyclesParameters = {
  /** The project root: `@/x` imports resolve from here. */
  root: string
  /** The folder whose modules are checked, e.g. `lib`. */
  folder: string
  /**
   * `module` (default): cycles of files. `domain`: cycles of the folder's first-level folders
   * (`lib/chain` → `lib/purchases` → `lib/chain`), where one domain's files use another's and back.
   */
  level?: 'module' | 'domain'
}

const importPattern = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

/**
 * The import cycles among the TypeScript modules of a folder (type-only imports count too: a
 * cycle of types is still two modules that cannot be read one before the other). Each cycle is
 * the list of its files relative to `root`, starting and ending with the same file.
 */
export function findImportCycles({ root, folder, level = 'module' }: FindImportCyclesParameters): string[][] {
  const base = resolve(root, folder)
  const sources = walk(base).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
  // A domain is a first-level folder; a file directly in `folder` is a domain of its own.
  const node = (file: string) => (level === 'module' ? file : join(base, relative(base, file).split('/')[0]!))
  const graph = new Map<string, Set<string>>()
  for (const file of sources) {
    const edges = graph.get(node(file)) ?? new Set<string>()
    for (const to of imports(file, root)) if (to.startsWith(base) && node(to) !== node(file)) edges.add(node(to))
    graph.set(node(file), edges)
  }
  const files = [...graph.keys()]
  const cycles: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string) => {
    state.set(file, 'open')
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open')
        cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(root, f)))
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of files) if (!state.has(file)) visit(file)
  return cycles
}

function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

function imports(file: string, root: string): string[] {
  const found: string[] = []
  for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
    const specifier = match[1] ?? match[2]!
    const from = specifier.startsWith('@/')
      ? resolve(root, specifier.slice(2))
      : specifier.startsWith('.')
        ? resolve(dirname(file), specifier)
        : undefined
    const target =
      from &&
      [from, `${from}.ts`, `${from}.tsx`, join(from, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile())
    if (target) found.push(target)
  }
  return found
}
