'use client'

import type { SwarmStatus } from '@/lib/discovery/getSwarmStatus'

const trackerWords = { answers: 'answers', connecting: 'connecting...', unreachable: 'unreachable' } as const
const relayWords = { connected: 'connected', connecting: 'connecting...', unreachable: 'unreachable, trying again' } as const

/** Props of {@link SwarmSources}. */
export type SwarmSourcesProps = { swarm: SwarmStatus }

/**
 * Where peers come from: each tracker and Nostr relay and whether it answers, and how many peers
 * joined without a tracker (through a relay or introduced by another peer), and what peer exchange
 * did (relayed, refused, cut off) with this tab's peer id, so that abuse and its bounds show.
 */
export function SwarmSources({ swarm }: SwarmSourcesProps) {
  if (!swarm.trackers.length && !swarm.relays.length) return null
  const pex = swarm.peerExchange
  return (
    <details className="text-xs text-zinc-500" data-testid="swarm-sources">
      <summary className="cursor-pointer">
        {swarm.trackers.filter((tracker) => tracker.state === 'answers').length} of {swarm.trackers.length} trackers
        answer · {swarm.relays.filter((relay) => relay.connected).length} of {swarm.relays.length} relays · peers
        through relays <span data-testid="peers-via-nostr">{swarm.connectedVia.nostr}</span>, introduced by peers{' '}
        <span data-testid="peers-via-pex">{swarm.connectedVia.rtcPex}</span>
        {swarm.cutOff > 0 && (
          <>
            {' '}
            · cut off for flooding <span data-testid="peers-cut-off">{swarm.cutOff}</span>
          </>
        )}
      </summary>
      <ul className="mt-1 space-y-0.5 font-mono">
        {swarm.trackers.map((tracker) => (
          <li key={tracker.url} data-testid="tracker-state" data-url={tracker.url} data-state={tracker.state}>
            tracker {tracker.url}: {trackerWords[tracker.state]}
          </li>
        ))}
        {swarm.relays.map((relay) => (
          <li key={relay.url} data-testid="relay-state" data-url={relay.url} data-state={relay.state}>
            relay {relay.url}: {relayWords[relay.state]}
          </li>
        ))}
        <li data-testid="peer-exchange" data-self-id={swarm.selfId}>
          peer exchange: passed on <span data-testid="pex-relayed">{pex.relayed}</span>, refused{' '}
          <span data-testid="pex-dropped">{pex.dropped}</span>, offers to this tab{' '}
          <span data-testid="pex-offers-in">{pex.offersIn}</span>, connections started{' '}
          <span data-testid="pex-started">{pex.started}</span>, half-open now{' '}
          <span data-testid="links-half-open">{pex.halfOpen}</span>, peers cut off{' '}
          <span data-testid="pex-cut-off">{swarm.cutOff}</span>
        </li>
      </ul>
    </details>
  )
}
