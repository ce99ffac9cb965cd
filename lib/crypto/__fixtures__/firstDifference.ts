/**
 * Where two byte strings first differ, or -1 when they are equal. Vitest's deep equality walks
 * every element and takes seconds on a few MiB; `expect(firstDifference(a, b)).toBe(-1)` does not.
 */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i
  return a.length === b.length ? -1 : length
}
