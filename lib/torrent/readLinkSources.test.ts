import { describe, expect, test } from 'vitest'
import { readLinkSources } from './readLinkSources'

describe('readLinkSources', () => {
  test('reads every tracker and relay a link names, in order', () => {
    const params = new URLSearchParams(
      `?listing=3&tr=${encodeURIComponent('wss://t1.example')}&relay=${encodeURIComponent('ws://127.0.0.1:7000')}&tr=${encodeURIComponent('ws://127.0.0.1:8000')}`,
    )
    expect(readLinkSources(params)).toEqual({
      trackers: ['wss://t1.example', 'ws://127.0.0.1:8000'],
      relays: ['ws://127.0.0.1:7000'],
    })
  })

  test('drops addresses a browser cannot dial over WebSocket', () => {
    const params = new URLSearchParams('?tr=http%3A%2F%2Ft.example%2Fannounce&relay=javascript%3Aalert(1)&relay=')
    expect(readLinkSources(params)).toEqual({ trackers: [], relays: [] })
  })

  test('a link without any names none', () => {
    expect(readLinkSources(new URLSearchParams('?id=abc'))).toEqual({ trackers: [], relays: [] })
  })
})
