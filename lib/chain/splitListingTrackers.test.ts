import { describe, expect, test } from 'vitest'
import { parseSources } from './parseSources'
import { splitListingTrackers } from './splitListingTrackers'
import { toListingTrackers } from './toListingTrackers'

describe('a listing’s relays among its trackers', () => {
  test('come back as relays, and the trackers as trackers, in order', () => {
    const entries = toListingTrackers({
      trackers: ['wss://t1.example', 'ws://127.0.0.1:8000'],
      relays: ['wss://r.example', 'ws://127.0.0.1:7000'],
    })
    expect(entries).toEqual([
      'wss://t1.example',
      'ws://127.0.0.1:8000',
      'nostr+wss://r.example',
      'nostr+ws://127.0.0.1:7000',
    ])
    expect(splitListingTrackers(entries)).toEqual({
      trackers: ['wss://t1.example', 'ws://127.0.0.1:8000'],
      relays: ['wss://r.example', 'ws://127.0.0.1:7000'],
    })
  })

  test('a listing from before relays has trackers only', () => {
    expect(splitListingTrackers(['wss://t1.example'])).toEqual({ trackers: ['wss://t1.example'], relays: [] })
  })

  test('a relay named twice, or already marked, is listed once', () => {
    expect(toListingTrackers({ trackers: [], relays: ['wss://r.example', 'nostr+wss://r.example'] })).toEqual([
      'nostr+wss://r.example',
    ])
  })

  test('a marked entry that is not a WebSocket address is no relay', () => {
    expect(splitListingTrackers(['nostr+https://r.example', 'nostr+wss://'])).toEqual({
      trackers: ['nostr+https://r.example', 'nostr+wss://'],
      relays: [],
    })
  })

  test('a creator may type a relay among the trackers, and a typo is still refused', () => {
    expect(parseSources('wss://t.example\nnostr+wss://r.example', 'tracker')).toEqual([
      'wss://t.example',
      'nostr+wss://r.example',
    ])
    expect(() => parseSources('nostr+https://r.example', 'tracker')).toThrow(/nostr\+https/)
  })
})
