/** A small seeded PRNG (mulberry32) so property tests are random yet reproducible from their seed. */
export function prng(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    /** An integer in [min, max]. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    bytes: (length: number) => {
      const out = new Uint8Array(length)
      for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256)
      return out
    },
  }
}
