/**
 * The bounds of peer discovery, in one place (docs/discovery.md explains them).
 */
export const discoveryLimits = {
  /** Longest session description accepted from a stranger (no trickled candidates make one bigger). */
  maxSdpLength: 16_384,
  /** Half-open WebRTC connections of one torrent at once (offers out, answers pending). */
  maxPendingLinks: 8,
  /** Peers of one torrent (connected and half-open) beyond which Nostr and peer exchange open no more. */
  maxPeers: 55,
  /** A half-open connection that has not connected by then is dropped. */
  linkTimeoutMs: 20_000,
  /** Peer ids one peer-exchange `peers` message may carry. */
  maxPeersListed: 50,
  /** Offers one peer may start through one neighbour per `peers` message (fan-out). */
  maxOffersPerRound: 6,
  /** Offer and answer messages one wire may send in `rateWindowMs`; beyond, they are dropped. */
  rateLimit: 12,
  /** Beyond this many in one window, the wire is cut off. */
  floodLimit: 24,
  rateWindowMs: 10_000,
  /** How long a relaying peer remembers an offer it forwarded, waiting for its one answer. */
  routeTtlMs: 30_000,
  /** Seconds between Nostr hellos while a torrent has fewer than `wantPeers` peers. */
  helloIntervalMs: 15_000,
  wantPeers: 4,
  /** First wait before dialling again a Nostr relay that was down or hung (then doubling, see relayRetryDelay). */
  relayRetryFirstMs: 1_000,
  /** Longest wait between two attempts at a relay that stays down. */
  relayRetryMaxMs: 60_000,
} as const
