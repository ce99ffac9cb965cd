import { describe, expect, test } from 'vitest'
import { parseSources } from './parseSources'

const parseTrackers = (text: string) => parseSources(text, 'tracker')
const parseWebSeeds = (text: string) => parseSources(text, 'web seed')

describe('parseTrackers', () => {
  test('keeps ws:// and wss:// trackers, one per line or comma separated, without duplicates', () => {
    expect(
      parseTrackers(' wss://t.example.org/announce\nws://127.0.0.1:8000, wss://t.example.org/announce \n'),
    ).toEqual(['wss://t.example.org/announce', 'ws://127.0.0.1:8000'])
    expect(parseTrackers('  ')).toEqual([])
  })

  test('reads a list of typed lines the same way as one text', () => {
    expect(parseSources([' wss://a.example.org ', '', 'ws://127.0.0.1:8000, wss://a.example.org'], 'tracker')).toEqual([
      'wss://a.example.org',
      'ws://127.0.0.1:8000',
    ])
    expect(() => parseSources(['wss://a.example.org', 'http://b.example.org'], 'tracker')).toThrow(
      '"http://b.example.org" is not a WebSocket tracker',
    )
  })

  test('refuses an http or udp tracker and text that is no URL, with a sentence naming it', () => {
    expect(() => parseTrackers('wss://ok.example.org\nhttps://tracker.example.org/announce')).toThrow(
      '"https://tracker.example.org/announce" is not a WebSocket tracker: use a ws:// or wss:// address, one per line.',
    )
    expect(() => parseTrackers('udp://tracker.example.org:1337')).toThrow(/not a WebSocket tracker/)
    expect(() => parseTrackers('tracker.example.org')).toThrow(/not a WebSocket tracker/)
  })
})

describe('parseWebSeeds', () => {
  test('keeps http:// and https:// web seeds', () => {
    expect(parseWebSeeds('https://cdn.example.org/files/\nhttp://127.0.0.1:9000/')).toEqual([
      'https://cdn.example.org/files/',
      'http://127.0.0.1:9000/',
    ])
  })

  test('refuses other schemes and text that is no URL, with a sentence naming it', () => {
    expect(() => parseWebSeeds('ftp://files.example.org/')).toThrow(
      '"ftp://files.example.org/" is not a web seed: use an http:// or https:// address, one per line.',
    )
    expect(() => parseWebSeeds('javascript:alert(1)')).toThrow(/not a web seed/)
    expect(() => parseWebSeeds('cdn.example.org')).toThrow(/not a web seed/)
  })
})
