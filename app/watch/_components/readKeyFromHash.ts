import type { Hex } from 'viem'

/**
 * The content key carried in a share link's fragment (`#key=<64 hex>`), which browsers never send
 * to a server. Undefined when absent.
 * @throws Error when a key is there but malformed.
 */
export function readKeyFromHash(hash: string): Hex | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('key')
  if (!value) return undefined
  if (!/^(0x)?[0-9a-f]{64}$/i.test(value))
    throw new Error('The key in this link is damaged: it must be 64 hexadecimal characters.')
  return `0x${value.replace(/^0x/i, '').toLowerCase()}`
}
