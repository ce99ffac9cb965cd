import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure'
import { afterEach, describe, expect, test } from 'vitest'
import WebSocket from 'ws'
import { startRelay } from './startRelay'

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop()
})

/** A raw NIP-01 connection that records every message the relay sends. */
async function connect(url: string) {
  const socket = new WebSocket(url)
  const received: unknown[][] = []
  socket.on('message', (data) => received.push(JSON.parse(String(data))))
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
  stops.push(async () => socket.close())
  const send = (message: unknown[]) => socket.send(JSON.stringify(message))
  const waitFor = async (match: (message: unknown[]) => boolean) => {
    for (let i = 0; i < 200; i++) {
      const found = received.find(match)
      if (found) return found
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error(`no such message; got ${JSON.stringify(received)}`)
  }
  return { send, received, waitFor }
}

const event = (kind: number, topic: string, content = 'sealed') =>
  finalizeEvent({ kind, created_at: Math.floor(Date.now() / 1000), tags: [['t', topic]], content }, generateSecretKey())

describe('local Nostr relay', () => {
  test('forwards an ephemeral event to subscribers of its topic only, and keeps nothing', async () => {
    const relay = await startRelay(0)
    stops.push(relay.stop)
    const [mine, other, publisher] = await Promise.all([connect(relay.url), connect(relay.url), connect(relay.url)])
    mine.send(['REQ', 'sub', { kinds: [25050], '#t': ['topic-a'] }])
    other.send(['REQ', 'sub', { kinds: [25050], '#t': ['topic-b'] }])
    await mine.waitFor((m) => m[0] === 'EOSE')
    await other.waitFor((m) => m[0] === 'EOSE')
    const signal = event(25050, 'topic-a')
    publisher.send(['EVENT', signal])
    await publisher.waitFor((m) => m[0] === 'OK' && m[1] === signal.id && m[2] === true)
    expect((await mine.waitFor((m) => m[0] === 'EVENT'))[2]).toEqual(JSON.parse(JSON.stringify(signal)))
    expect(other.received.filter((m) => m[0] === 'EVENT')).toEqual([])

    const late = await connect(relay.url)
    late.send(['REQ', 'late', { kinds: [25050], '#t': ['topic-a'] }])
    await late.waitFor((m) => m[0] === 'EOSE')
    expect(late.received.filter((m) => m[0] === 'EVENT')).toEqual([])
  })

  test('refuses an event whose signature does not match', async () => {
    const relay = await startRelay(0)
    stops.push(relay.stop)
    const publisher = await connect(relay.url)
    const forged = { ...event(25050, 'topic-a'), content: 'changed after signing' }
    publisher.send(['EVENT', forged])
    expect(await publisher.waitFor((m) => m[0] === 'OK')).toEqual(['OK', forged.id, false, 'invalid: bad event or signature'])
  })

  test('keeps a regular event for later subscriptions, and stops forwarding after CLOSE', async () => {
    const relay = await startRelay(0)
    stops.push(relay.stop)
    const publisher = await connect(relay.url)
    const note = event(1, 'topic-c')
    publisher.send(['EVENT', note])
    await publisher.waitFor((m) => m[0] === 'OK')
    const reader = await connect(relay.url)
    reader.send(['REQ', 'r', { kinds: [1], '#t': ['topic-c'] }])
    expect((await reader.waitFor((m) => m[0] === 'EVENT'))[2]).toEqual(JSON.parse(JSON.stringify(note)))
    reader.send(['CLOSE', 'r'])
    const after = event(1, 'topic-c', 'after close')
    publisher.send(['EVENT', after])
    await publisher.waitFor((m) => m[0] === 'OK' && m[1] === after.id)
    expect(reader.received.filter((m) => m[0] === 'EVENT')).toHaveLength(1)
  })
})
