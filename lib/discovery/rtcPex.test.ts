import { bytesToHex, hexToBytes } from '@noble/hashes/utils'
import bencode from 'bencode'
import { describe, expect, test } from 'vitest'
import { discoveryLimits } from './limits'
import { RTC_PEX_NAME, createRtcPex } from './rtcPex'
import type { SwarmLinks } from './swarmLinks'

const id = (digit: string) => digit.repeat(40)
const self = id('5')

type Sent = { to: string; message: Record<string, unknown> }

/** A bittorrent-protocol wire as the extension sees it, recording what is sent on it. */
function fakeWire(peerId: string, sent: Sent[]) {
  const closers: (() => void)[] = []
  return {
    peerId,
    destroyed: false,
    extended: (_name: string, message: Record<string, unknown>) => sent.push({ to: peerId, message }),
    destroy() {
      this.destroyed = true
      for (const close of closers) close()
    },
    once: (_event: 'close', listener: () => void) => closers.push(listener),
  }
}

/** WebRTC links that never open a real connection: they record what the extension asks of them. */
function fakeLinks(overrides: Partial<SwarmLinks> = {}) {
  const calls = { offer: [] as string[], answer: [] as string[], accept: [] as string[], withdraw: [] as string[] }
  const links: SwarmLinks = {
    selfId: self,
    knows: () => false,
    hasRoom: () => true,
    halfOpen: () => 0,
    withdraw: (peerId) => void calls.withdraw.push(peerId),
    offer: async (peerId) => (calls.offer.push(peerId), `offer-to-${peerId}`),
    answer: async (peerId) => (calls.answer.push(peerId), `answer-to-${peerId}`),
    accept: (peerId) => (calls.accept.push(peerId), true),
    connected: { nostr: 0, 'rtc-pex': 0 },
    started: { nostr: 0, 'rtc-pex': 0 },
    destroy: () => {},
    ...overrides,
  }
  return { links, calls }
}

/** Connects a wire to the torrent's peer exchange, handshakes included. */
function join(pex: ReturnType<typeof createRtcPex>, wire: ReturnType<typeof fakeWire>) {
  const extension = new pex.Extension(wire)
  extension.onHandshake('00'.repeat(20), wire.peerId)
  extension.onExtendedHandshake({ m: { [RTC_PEX_NAME]: 3 } })
  return (message: Record<string, unknown>) => extension.onMessage(bencode.encode(message))
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5))
const text = (value: unknown) => (typeof value === 'string' ? value : new TextDecoder().decode(value as Uint8Array))

describe('WebRTC peer exchange', () => {
  test('introduces each member to the others it can relay to', async () => {
    const sent: Sent[] = []
    const pex = createRtcPex(fakeLinks().links)
    join(pex, fakeWire(id('a'), sent))
    join(pex, fakeWire(id('c'), sent))
    await settle()
    const listed = (to: string) =>
      sent.filter((s) => s.to === to && text(s.message.t) === 'peers').map((s) => bytesToHex(s.message.ids as Uint8Array))
    expect(listed(id('a'))).toEqual([id('c')])
    expect(listed(id('c'))).toEqual([id('a')])
  })

  test('relays an offer to the member it names and its answer back, each once', async () => {
    const sent: Sent[] = []
    const pex = createRtcPex(fakeLinks().links)
    const fromA = join(pex, fakeWire(id('a'), sent))
    const fromC = join(pex, fakeWire(id('c'), sent))
    await settle()
    sent.length = 0
    fromC({ t: 'offer', to: hexToBytes(id('a')), sdp: 'offer-sdp' })
    fromC({ t: 'offer', to: hexToBytes(id('a')), sdp: 'offer-sdp-again' })
    await settle()
    expect(sent).toHaveLength(1)
    expect(sent[0]!.to).toBe(id('a'))
    expect(bytesToHex(sent[0]!.message.from as Uint8Array)).toBe(id('c'))
    fromA({ t: 'answer', to: hexToBytes(id('c')), sdp: 'answer-sdp' })
    fromA({ t: 'answer', to: hexToBytes(id('c')), sdp: 'answer-sdp-again' })
    await settle()
    expect(sent).toHaveLength(2)
    expect(sent[1]!.to).toBe(id('c'))
    expect(text(sent[1]!.message.sdp)).toBe('answer-sdp')
    expect(pex.stats.relayed).toBe(2)
  })

  test('passes nothing on to a peer it is not connected to, nor an answer nobody asked for', async () => {
    const sent: Sent[] = []
    const pex = createRtcPex(fakeLinks().links)
    const fromA = join(pex, fakeWire(id('a'), sent))
    join(pex, fakeWire(id('c'), sent))
    await settle()
    sent.length = 0
    fromA({ t: 'offer', to: hexToBytes(id('e')), sdp: 'to a stranger' })
    fromA({ t: 'answer', to: hexToBytes(id('c')), sdp: 'unasked' })
    await settle()
    expect(sent).toEqual([])
    expect(pex.stats.dropped).toBe(2)
  })

  test('answers a relayed offer itself and never relays it a second hop', async () => {
    const sent: Sent[] = []
    const { links, calls } = fakeLinks()
    const pex = createRtcPex(links)
    const fromB = join(pex, fakeWire(id('b'), sent))
    join(pex, fakeWire(id('d'), sent))
    await settle()
    sent.length = 0
    fromB({ t: 'offer', from: hexToBytes(id('d')), sdp: 'offer-from-d' })
    await settle()
    expect(calls.answer).toEqual([id('d')])
    expect(sent).toHaveLength(1)
    expect(sent[0]!.to).toBe(id('b'))
    expect(text(sent[0]!.message.t)).toBe('answer')
  })

  test('offers to a bounded number of listed peers, and only to those with a higher id', async () => {
    const sent: Sent[] = []
    const { links, calls } = fakeLinks()
    const pex = createRtcPex(links)
    const fromB = join(pex, fakeWire(id('b'), sent))
    const listed = ['1', '2', '6', '7', '8', '9', 'a', 'c', 'd', 'e', 'f'].map(id)
    fromB({ t: 'peers', ids: hexToBytes(listed.join('')) })
    await settle()
    expect(calls.offer).toEqual(listed.filter((peer) => peer > self).slice(0, discoveryLimits.maxOffersPerRound))
  })

  test('cuts off a peer that floods offers, after forwarding one', async () => {
    const sent: Sent[] = []
    const pex = createRtcPex(fakeLinks().links)
    join(pex, fakeWire(id('a'), sent))
    const flooder = fakeWire(id('c'), sent)
    const fromFlooder = join(pex, flooder)
    await settle()
    sent.length = 0
    for (let i = 0; i < discoveryLimits.floodLimit + 5; i++) fromFlooder({ t: 'offer', to: hexToBytes(id('a')), sdp: `offer ${i}` })
    await settle()
    expect(flooder.destroyed).toBe(true)
    expect(pex.stats.cutOff).toBe(1)
    expect(sent.filter((s) => s.to === id('a'))).toHaveLength(1)
  })

  test('a peer cut off for flooding leaves nothing half-open that it made this tab start', async () => {
    const sent: Sent[] = []
    const { links, calls } = fakeLinks()
    const pex = createRtcPex(links)
    const fromFlooder = join(pex, fakeWire(id('0'), sent))
    fromFlooder({ t: 'peers', ids: hexToBytes(['a', 'b'].map(id).join('')) })
    fromFlooder({ t: 'offer', from: hexToBytes(id('c')), sdp: 'offer-from-c' })
    await settle()
    for (let i = 0; i < discoveryLimits.floodLimit; i++) fromFlooder({ t: 'peers', ids: hexToBytes(id('d')) })
    expect(pex.stats.cutOff).toBe(1)
    // 'd' came in the first messages of the flood, still under the rate.
    expect(calls.withdraw.sort()).toEqual(['a', 'b', 'c', 'd'].map(id))
  })

  test('starts nothing more from a list once its sender is cut off', async () => {
    const sent: Sent[] = []
    let release = () => {}
    const slowOffer = new Promise<string>((resolve) => (release = () => resolve('offer')))
    const { links, calls } = fakeLinks({ offer: async (peerId) => (calls.offer.push(peerId), slowOffer) })
    const pex = createRtcPex(links)
    const fromFlooder = join(pex, fakeWire(id('0'), sent))
    fromFlooder({ t: 'peers', ids: hexToBytes(['a', 'b', 'c'].map(id).join('')) })
    await settle()
    for (let i = 0; i < discoveryLimits.floodLimit; i++) fromFlooder({ t: 'answer', to: hexToBytes(id('e')), sdp: 'x' })
    release()
    await settle()
    expect(pex.stats.cutOff).toBe(1)
    expect(calls.offer).toEqual([id('a')])
  })
})
