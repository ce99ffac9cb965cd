import { expect, test } from 'vitest'
import { EmbedParamsError } from './errors'
import { readEmbedParams } from './readEmbedParams'

const key = 'ab'.repeat(32)

test('reads a listing with theme, autoplay, muted and origin', () => {
  expect(
    readEmbedParams({ search: '?listing=42&theme=dark&autoplay=1&muted=true&origin=https://creator.example' }),
  ).toEqual({
    source: { kind: 'listing', contentId: 42n },
    theme: 'dark',
    autoplay: true,
    muted: true,
    origin: 'https://creator.example',
    linkSources: { trackers: [], relays: [] },
  })
})

test('reads the trackers and relays a share link named, as the watch page does', () => {
  const tr = encodeURIComponent('wss://tracker.example')
  const relay = encodeURIComponent('ws://127.0.0.1:7000')
  expect(readEmbedParams({ search: `?id=${'ab'.repeat(20)}&tr=${tr}&relay=${relay}&relay=https%3A%2F%2Fno.example` }).linkSources).toEqual({
    trackers: ['wss://tracker.example'],
    relays: ['ws://127.0.0.1:7000'],
  })
})

test('reads an infohash or a magnet, with the key of an encrypted file from the fragment only', () => {
  const hash = 'c9e15763f722f23e98a29decdfae341b98d53056'
  expect(readEmbedParams({ search: `?id=${hash}`, hash: `#key=${key.toUpperCase()}` }).source).toEqual({
    kind: 'torrent',
    torrentId: hash,
    key: `0x${key}`,
  })
  const magnet = `magnet:?xt=urn:btih:${hash}&dn=clip`
  expect(readEmbedParams({ search: `?magnet=${encodeURIComponent(magnet)}` })).toMatchObject({
    source: { kind: 'torrent', torrentId: magnet, key: undefined },
    autoplay: false,
    muted: false,
    theme: undefined,
  })
})

test('says what is wrong with an address that names nothing playable', () => {
  expect(() => readEmbedParams({ search: '' })).toThrow(/given nothing to play/)
  expect(() => readEmbedParams({ search: '?listing=3x' })).toThrow(EmbedParamsError)
  expect(() => readEmbedParams({ search: '?listing=-1' })).toThrow(/not a listing number/)
  expect(() => readEmbedParams({ search: '?id=abc', hash: '#key=123' })).toThrow(/key .* damaged/)
  expect(() => readEmbedParams({ search: '?listing=1&theme=sepia' })).toThrow(/use light or dark/)
})

test('refuses an origin that is not a bare web origin', () => {
  for (const origin of [
    '*',
    'creator.example',
    'https://creator.example/',
    'javascript:alert(1)',
    'https://a.example/x',
  ])
    expect(() => readEmbedParams({ search: `?listing=1&origin=${encodeURIComponent(origin)}` })).toThrow(/web origin/)
})
