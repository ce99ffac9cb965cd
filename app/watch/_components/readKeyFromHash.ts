/**
 * The content key carried in a share link's fragment (`#key=<64 hex>`), which browsers never send
 * to a server. Undefined when absent.
 * @throws Error when a key is there but malformed.
 */
export function readKeyFromHash(hash: string): Uint8Array | undefined {
  const hex = new URLSearchParams(hash.replace(/^#/, '')).get('key')
  if (!hex) return undefined
  if (!/^(0x)?[0-9a-f]{64}$/i.test(hex)) throw new Error('The key in this link is damaged: it must be 64 hexadecimal characters.')
  const clean = hex.replace(/^0x/i, '')
  return Uint8Array.from({ length: 32 }, (_, i) => parseInt(clean.slice(i * 2, i * 2 + 2), 16))
}
