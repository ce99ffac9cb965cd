/** Concatenates byte arrays into one new array. */
export function joinBytes(parts: readonly (Uint8Array | ArrayBuffer)[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part instanceof Uint8Array ? part : new Uint8Array(part), offset)
    offset += part.byteLength
  }
  return out
}
