import { randomBytes } from 'node:crypto'
import { afterEach, beforeAll, describe, expect, test } from 'vitest'
import WebSocket from 'ws'
import { startRelay } from '../../scripts/lib/startRelay'
import { freePort } from '../../scripts/lib/startStack'
import { type NostrDiscovery, startNostrDiscovery } from './startNostrDiscovery'
import type { SwarmLinks } from './swarmLinks'

const stops: (() => unknown)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop()
})

beforeAll(() => {
  // Node 20 has no WebSocket of its own; the tab's is the same protocol.
  globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket
})

/**
 * Links that record which peers this side was asked to offer to and make no WebRTC connection
 * (Node cannot be a WebRTC peer here): the relay path up to the offer is what these tests see.
 */
function recordingLinks() {
  const offeredTo: string[] = []
  const links: SwarmLinks = {
    selfId: randomBytes(20).toString('hex'),
    knows: () => false,
    hasRoom: () => true,
    halfOpen: () => 0,
    withdraw: () => {},
    offer: async (peerId) => {
      offeredTo.push(peerId)
      return undefined
    },
    accept: () => false,
    answer: async () => undefined,
    connected: { nostr: 0, 'rtc-pex': 0 },
    started: { nostr: 0, 'rtc-pex': 0 },
    destroy: () => {},
  }
  return { links, offeredTo }
}

function discover(links: SwarmLinks, infoHash: string, relays: string[]): NostrDiscovery {
  const discovery = startNostrDiscovery(links, { infoHash, relays, wantsPeers: () => true })
  stops.push(() => discovery.stop())
  return discovery
}

async function waitFor<T>(what: string, read: () => T | undefined | false): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = read()
    if (value) return value
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`gave up waiting: ${what}`)
}

describe('startNostrDiscovery', () => {
  test('dials a relay that was down at the start again, and meets peers there once it is up', async () => {
    const port = await freePort()
    const url = `ws://127.0.0.1:${port}`
    const infoHash = randomBytes(20).toString('hex')
    const a = recordingLinks()
    const discoveryA = discover(a.links, infoHash, [url])

    await waitFor('the relay reported unreachable', () => discoveryA.relayStates()[0]?.state === 'unreachable')
    expect(discoveryA.relayStates()).toEqual([{ url, connected: false, state: 'unreachable' }])

    const relay = await startRelay(port)
    stops.push(relay.stop)
    await waitFor('the relay reported connected again', () => discoveryA.relayStates()[0]?.state === 'connected')

    // A newcomer's hello on the relay reaches A only through A's renewed subscription.
    const b = recordingLinks()
    discover(b.links, infoHash, [url])
    await waitFor('A asked to offer to B', () => a.offeredTo.includes(b.links.selfId))
  })
})
