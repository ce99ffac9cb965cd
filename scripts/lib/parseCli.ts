import { type ParseArgsConfig, parseArgs } from 'node:util'

/** Parameters of {@link parseCli}. */
export type ParseCliParameters<options extends NonNullable<ParseArgsConfig['options']>> = {
  /** One line: how the verb is called. */
  usage: string
  options: options
  args?: string[]
}

/**
 * A project verb's command line: `--help` (or `-h`) prints `usage` and exits 0; an unknown option
 * or a missing value prints what is wrong and `usage`, and exits 2, instead of a stack trace.
 * @example
 * const { values } = parseCli({ usage: 'Usage: npm run agent -- --rpc <url>', options: { rpc: { type: 'string' } } })
 */
export function parseCli<const options extends NonNullable<ParseArgsConfig['options']>>({
  usage,
  options,
  args = process.argv.slice(2),
}: ParseCliParameters<options>) {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage)
    process.exit(0)
  }
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false })
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`)
    process.exit(2)
  }
}
