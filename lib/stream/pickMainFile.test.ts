import { expect, test } from 'vitest'
import { pickMainFile } from './pickMainFile'

const file = (index: number, mime: string, size: number) => ({ index, mime, size })

test('opens on the largest video, whatever the order', () => {
  const files = [
    file(0, 'video/mp4', 10),
    file(1, 'audio/mpeg', 500),
    file(2, 'video/webm', 300),
    file(3, 'application/zip', 900),
  ]
  expect(pickMainFile(files)?.index).toBe(2)
})

test('falls back to the largest audio, then the largest file shown inline', () => {
  expect(pickMainFile([file(0, 'text/plain', 5), file(1, 'audio/mpeg', 2), file(2, 'audio/ogg', 3)])?.index).toBe(2)
  expect(
    pickMainFile([file(0, 'application/zip', 900), file(1, 'text/plain', 5), file(2, 'image/png', 7)])?.index,
  ).toBe(2)
  expect(pickMainFile([file(0, 'application/zip', 9), file(1, 'application/pdf', 8)])?.index).toBe(1)
})

test('takes the largest file when nothing shows inline', () => {
  expect(pickMainFile([file(0, 'application/zip', 9), file(1, 'application/octet-stream', 90)])?.index).toBe(1)
})

test('passes over the cover unless it is the only file', () => {
  expect(pickMainFile([file(0, 'image/jpeg', 900), file(1, 'image/png', 10)], { avoid: 0 })?.index).toBe(1)
  expect(pickMainFile([file(0, 'image/jpeg', 900)], { avoid: 0 })?.index).toBe(0)
})

test('has nothing to pick in an empty torrent', () => {
  expect(pickMainFile([])).toBeUndefined()
})
