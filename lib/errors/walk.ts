/**
 * Follows an error's `cause` chain from the outside in and returns the first error (the outermost
 * included) that `fn` accepts, or `null` when none does; without `fn`, returns the innermost cause.
 * Works on anything thrown: Keyswarm's errors, viem's and wagmi's, DOMExceptions, plain objects.
 * A chain that loops back on itself ends at the repeat.
 * @example
 * walk(error, (e) => e instanceof WrongKeyError) // the WrongKeyError behind a failed stream, or null
 */
export function walk(error: unknown, fn?: (error: unknown) => boolean): unknown {
  const seen = new Set<unknown>()
  let current = error
  for (;;) {
    if (fn?.(current)) return current
    seen.add(current)
    const cause = current && typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined
    if (cause === undefined || seen.has(cause)) return fn ? null : current
    current = cause
  }
}
