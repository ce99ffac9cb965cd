import { expect, test } from 'vitest'
import { findCoverFile } from './findCoverFile'

test('finds cover.webp, else cover.jpg, only at the root of the torrent', () => {
  expect(findCoverFile([{ path: 'film/manifest' }, { path: 'film/cover.jpg' }, { path: 'film/cover.webp' }])).toBe(2)
  expect(findCoverFile([{ path: 'film/clip.mp4' }, { path: 'film/cover.jpg' }])).toBe(1)
  expect(findCoverFile([{ path: 'film/extras/cover.webp' }, { path: 'film/clip.mp4' }])).toBeUndefined()
  expect(findCoverFile([{ path: 'clip.mp4' }])).toBeUndefined()
})
