import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import { describe, expect, test, vi } from 'vitest'
import { discoveryLimits } from './limits'
import { createSwarmLinks } from './swarmLinks'

// In Node, simple-peer loads a native WebRTC module this machine lacks; these bounds refuse before any is made.
vi.mock('@thaunknown/simple-peer/lite.js', () => ({ default: class {} }))

/** The slice of a torrent the bounds read; no WebRTC connection is made (Node cannot be a WebRTC peer here). */
const torrentWith = (numPeers: number) => ({ destroyed: false, numPeers, wires: [] }) as unknown as Torrent

describe('WebRTC links of one torrent', () => {
  test('has room while the torrent has fewer peers than the bound', () => {
    const links = createSwarmLinks(torrentWith(discoveryLimits.maxPeers - 1), { selfId: 'a'.repeat(40) })
    expect(links.hasRoom()).toBe(true)
  })

  test('opens nothing more once the torrent is full of peers, however they came', async () => {
    const links = createSwarmLinks(torrentWith(discoveryLimits.maxPeers), { selfId: 'a'.repeat(40) })
    expect(links.hasRoom()).toBe(false)
    await expect(links.offer('b'.repeat(40), 'rtc-pex')).resolves.toBeUndefined()
    await expect(links.answer('b'.repeat(40), 'v=0', 'rtc-pex')).resolves.toBeUndefined()
    expect(links.started['rtc-pex']).toBe(0)
  })
})
