import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'

/** What peers of one torrent share on a Nostr relay without the relay learning which torrent it is. */
export type SwarmSecrets = {
  /** Hex SHA-256 of the infohash under a fixed domain string: the events' `t` tag. */
  topic: string
  /** AES-GCM key derived from the infohash under another domain string: seals the events' content. */
  key: CryptoKey
}

const TOPIC_DOMAIN = 'keyswarm/swarm-topic/v1:'
const KEY_DOMAIN = 'keyswarm/swarm-key/v1:'

/**
 * Derives a torrent's relay topic and content key from its infohash. Only someone who already
 * knows the infohash can compute either; a relay sees an opaque tag and sealed content.
 */
export async function swarmSecrets(infoHash: string): Promise<SwarmSecrets> {
  const hash = infoHash.toLowerCase()
  const topic = bytesToHex(sha256(utf8ToBytes(TOPIC_DOMAIN + hash)))
  const raw = new Uint8Array(sha256(utf8ToBytes(KEY_DOMAIN + hash)))
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt'])
  return { topic, key }
}
