import { afterEach, expect, test, vi } from 'vitest'
import { toShareLink } from './toShareLink'

const hash = '08ada5a7a6183aae1e09d831df6748d566095a10'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
})

test('links to the watch folder itself, so hosts without rewrites open it', () => {
  expect(toShareLink({ site: 'https://keyswarm.example', infoHash: hash })).toBe(
    `https://keyswarm.example/watch/?id=${hash}`,
  )
})

test('a page of a site under a base path shares links below that path', () => {
  vi.stubEnv('NEXT_PUBLIC_BASE_PATH', '/keyswarm')
  vi.stubGlobal('location', { origin: 'https://example.org' })
  expect(toShareLink({ infoHash: hash, keyHex: 'ab' })).toBe(`https://example.org/keyswarm/watch/?id=${hash}#key=ab`)
})

test('an empty site gives the in-site path that Next’s router prefixes itself', () => {
  vi.stubEnv('NEXT_PUBLIC_BASE_PATH', '/keyswarm')
  expect(toShareLink({ site: '', infoHash: hash })).toBe(`/watch/?id=${hash}`)
})
