import { type SourceKind, isSourceUrl } from '@/lib/chain/isSourceUrl'
import { InvalidTrackerError, InvalidWebSeedError } from './errors'

/**
 * The extra trackers or web seeds a creator typed (one per line, or separated by spaces or commas),
 * checked and without duplicates.
 * @throws InvalidTrackerError or InvalidWebSeedError for the first entry browsers cannot use.
 * @example
 * parseSources('wss://tracker.example.org\nws://127.0.0.1:8000', 'tracker') // both, in order
 */
export function parseSources(text: string, kind: SourceKind): string[] {
  const entries = [...new Set(text.split(/[\s,]+/).filter(Boolean))]
  const bad = entries.find((entry) => !isSourceUrl(entry, kind))
  if (bad !== undefined) throw kind === 'tracker' ? new InvalidTrackerError(bad) : new InvalidWebSeedError(bad)
  return entries
}
