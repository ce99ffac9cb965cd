import { expect, test, vi } from 'vitest'
import { streamUrl } from './streamUrl'

const id = 'ab'.repeat(20)

test('names the torrent, the file and its name', () => {
  expect(streamUrl({ id, file: 2, name: 'my clip.mp4' })).toBe(`/stream/${id}/2/my%20clip.mp4`)
  expect(streamUrl({ id, file: 0, name: 'a.mp4', download: true })).toBe(`/stream/${id}/0/a.mp4?download=1`)
})

test('a torrent opened again streams from another URL than its first opening', () => {
  const first = streamUrl({ id, file: 0, name: 'a.mp4', session: 0 })
  const again = streamUrl({ id, file: 0, name: 'a.mp4', session: 1 })
  expect(first).toBe(`/stream/${id}/0/a.mp4`)
  expect(again).not.toBe(first)
  expect(new URL(again, 'http://x').pathname).toBe(new URL(first, 'http://x').pathname)
  expect(streamUrl({ id, file: 0, name: 'a.mp4', download: true, session: 1 })).toBe(
    `/stream/${id}/0/a.mp4?download=1&session=1`,
  )
})

test('a site built under a base path streams from below it, where its service worker is', () => {
  vi.stubEnv('NEXT_PUBLIC_BASE_PATH', '/keyswarm')
  try {
    expect(streamUrl({ id, file: 1, name: 'a.mp4' })).toBe(`/keyswarm/stream/${id}/1/a.mp4`)
  } finally {
    vi.unstubAllEnvs()
  }
})
