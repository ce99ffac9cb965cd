import type { SwarmSecrets } from './swarmSecrets'
import type { SwarmSignal } from './sealSwarmSignal'
import { discoveryLimits } from './limits'

const PEER_ID = /^[0-9a-f]{40}$/

/** Opens a sealed signal; undefined for anything that is not one of ours (wrong key, tampered, malformed). */
export async function openSwarmSignal(secrets: SwarmSecrets, content: string): Promise<SwarmSignal | undefined> {
  try {
    if (content.length > discoveryLimits.maxSdpLength * 2) return undefined
    const bytes = Uint8Array.from(atob(content), (char) => char.charCodeAt(0))
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, 12), additionalData: new TextEncoder().encode(secrets.topic) },
      secrets.key,
      bytes.slice(12),
    )
    const value = JSON.parse(new TextDecoder().decode(plain)) as Partial<SwarmSignal> & { v?: number }
    if (value.v !== 1 || !['hello', 'offer', 'answer'].includes(value.type ?? '')) return undefined
    if (typeof value.from !== 'string' || !PEER_ID.test(value.from)) return undefined
    if (value.to !== undefined && (typeof value.to !== 'string' || !PEER_ID.test(value.to))) return undefined
    if (value.type !== 'hello' && (typeof value.sdp !== 'string' || value.sdp.length > discoveryLimits.maxSdpLength || !value.to)) return undefined
    return { type: value.type!, from: value.from, to: value.to, sdp: value.sdp }
  } catch {
    return undefined // Sealed under another key, or not sealed at all: someone else's event.
  }
}
