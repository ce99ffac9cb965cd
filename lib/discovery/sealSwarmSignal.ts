import type { SwarmSecrets } from './swarmSecrets'

/** One signalling message between two peers of a torrent, as sealed in a Nostr event's content. */
export type SwarmSignal = {
  /** `hello`: "I am here, offer me a connection"; `offer`/`answer`: WebRTC session descriptions. */
  type: 'hello' | 'offer' | 'answer'
  /** Sender's BitTorrent peer id (40 hex). */
  from: string
  /** Addressee's peer id, for offers and answers. */
  to?: string
  sdp?: string
}

/** Seals a signal for the torrent's topic: base64 of a 12-byte IV then AES-GCM ciphertext (topic as additional data). */
export async function sealSwarmSignal(secrets: SwarmSecrets, signal: SwarmSignal): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const plain = new TextEncoder().encode(JSON.stringify({ v: 1, ...signal }))
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(secrets.topic) }, secrets.key, plain),
  )
  const bytes = new Uint8Array(12 + sealed.length)
  bytes.set(iv)
  bytes.set(sealed, 12)
  return btoa(String.fromCharCode(...bytes))
}
