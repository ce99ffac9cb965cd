import { describe, expect, test } from 'vitest'
import { readWholeFile } from './readWholeFile'
import type { StreamSources } from './types'

/** Sources serving one file of `size` bytes (byte i = i % 251) in chunks of `chunk`, recording what was asked. */
function fakeSources(size: number, chunk: number) {
  const calls = { ranges: [] as [number, number][], returned: 0 }
  const sources: StreamSources = {
    has: () => true,
    open: async () => ({
      size,
      mime: 'video/mp4',
      name: 'clip.mp4',
      read: ({ start, end }) => {
        calls.ranges.push([start, end])
        let at = start
        return {
          next: async () => {
            if (at > end) return { done: true, value: undefined }
            const bytes = Uint8Array.from({ length: Math.min(chunk, end - at + 1) }, (_, i) => (at + i) % 251)
            at += bytes.length
            return { done: false, value: bytes }
          },
          return: async () => {
            calls.returned++
            return { done: true, value: undefined }
          },
        }
      },
    }),
  }
  return { sources, calls }
}

describe('readWholeFile', () => {
  test('reads the whole file in order into a Blob of its type', async () => {
    const { sources, calls } = fakeSources(10_000, 4096)
    const progress: number[] = []
    const blob = await readWholeFile(sources, {
      id: 'a'.repeat(40),
      file: 0,
      onProgress: (read) => progress.push(read),
    })
    expect(blob.type).toBe('video/mp4')
    const bytes = new Uint8Array(await blob.arrayBuffer())
    expect(bytes).toHaveLength(10_000)
    expect(bytes.every((b, i) => b === i % 251)).toBe(true)
    expect(calls.ranges).toEqual([[0, 9_999]])
    expect(progress.at(-1)).toBe(10_000)
    expect(calls.returned).toBe(0)
  })

  test('stops reading and rejects when aborted', async () => {
    const { sources, calls } = fakeSources(10_000, 100)
    const controller = new AbortController()
    const reading = readWholeFile(sources, {
      id: 'a'.repeat(40),
      file: 0,
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('The person left the page.')),
    })
    await expect(reading).rejects.toThrow('The person left the page.')
    expect(calls.returned).toBe(1)
  })
})
