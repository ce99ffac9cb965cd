/** A resolved byte range, both ends inclusive. */
export type ByteRange = { start: number; end: number }

/**
 * Resolves an HTTP `Range` header against a size: `bytes=a-b`, `bytes=a-`, `bytes=-n`.
 * Only the first range of a multi-range header is served.
 * @returns The range, `undefined` when there is no (usable) header (serve everything), or
 * `'unsatisfiable'` when it starts past the end.
 */
export function parseRange(header: string | null, size: number): ByteRange | undefined | 'unsatisfiable' {
  if (!header) return undefined
  const match = /^bytes=\s*(\d*)\s*-\s*(\d*)/.exec(header.trim())
  if (!match) return undefined
  const [, from = '', to = ''] = match
  if (from === '' && to === '') return undefined
  if (from === '') {
    const suffix = Number(to)
    if (suffix === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(from)
  if (start >= size) return 'unsatisfiable'
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1)
  if (end < start) return 'unsatisfiable'
  return { start, end }
}
