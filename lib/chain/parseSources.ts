import { InvalidSourceError } from './errors'
import { type SourceKind, isSourceUrl } from './isSourceUrl'

/**
 * A listing's trackers or web seeds as a creator typed them (one per line, or separated by spaces
 * or commas; a list of such texts is read the same way), checked and without duplicates: the one
 * rule /publish, /library and `setListingSources` share.
 * @throws InvalidSourceError naming the first entry browsers cannot use.
 * @example
 * parseSources('wss://tracker.example.org\nws://127.0.0.1:8000', 'tracker') // both, in order
 */
export function parseSources(text: string | readonly string[], kind: SourceKind): string[] {
  const entries = [...new Set([text].flat().flatMap((part) => part.split(/[\s,]+/).filter(Boolean)))]
  const bad = entries.find((entry) => !isSourceUrl(entry, kind))
  if (bad !== undefined) throw new InvalidSourceError(kind, bad)
  return entries
}
