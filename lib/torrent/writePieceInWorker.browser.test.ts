import { cdp } from '@vitest/browser/context'
import { afterEach, expect, test } from 'vitest'
import { isQuotaError } from './isQuotaError'
import { writePieceInWorker } from './writePieceInWorker'

// Real OPFS, a real dedicated worker and real quota enforcement (set over CDP, as in OpfsChunkStore's test).

const pieceLength = 64 * 1024
let folder = ''

async function files(): Promise<Record<string, number>> {
  const directory = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder)
  const sizes: Record<string, number> = {}
  const entries = (directory as unknown as { entries(): AsyncIterable<[string, FileSystemFileHandle]> }).entries()
  for await (const [key, handle] of entries) sizes[key] = (await handle.getFile()).size
  return sizes
}

afterEach(async () => {
  await cdp().send('Storage.overrideQuotaForOrigin', { origin: location.origin })
  await (await navigator.storage.getDirectory()).removeEntry(folder, { recursive: true }).catch(() => {})
})

test('writes a piece under its index, byte for byte, and leaves no partial file', async () => {
  folder = `worker - ${crypto.randomUUID().slice(0, 8)}`
  const bytes = Uint8Array.from({ length: pieceLength }, (_, i) => i % 251)

  await writePieceInWorker({ folder, index: 7, bytes })

  expect(await files()).toEqual({ '7': pieceLength })
  const directory = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder)
  const stored = new Uint8Array(await (await (await directory.getFileHandle('7')).getFile()).arrayBuffer())
  expect(stored).toEqual(bytes)
})

test('a write refused by a full quota fails as such and leaves neither the piece nor its partial file', async () => {
  folder = `worker-quota - ${crypto.randomUUID().slice(0, 8)}`
  await writePieceInWorker({ folder, index: 0, bytes: new Uint8Array(pieceLength).fill(1) })
  const { usage = 0 } = await navigator.storage.estimate()
  await cdp().send('Storage.overrideQuotaForOrigin', { origin: location.origin, quotaSize: usage + pieceLength / 4 })

  const refused = await writePieceInWorker({ folder, index: 1, bytes: new Uint8Array(pieceLength).fill(2) }).catch((e: unknown) => e)

  expect(isQuotaError(refused)).toBe(true)
  expect(await files()).toEqual({ '0': pieceLength })
})
