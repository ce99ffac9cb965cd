import { cdp } from '@vitest/browser/context'
import { afterEach, expect, test } from 'vitest'
import { OpfsChunkStore } from './OpfsChunkStore'
import { isQuotaError } from './isQuotaError'

// Real OPFS in real Chromium, with real quota enforcement: Chromium's quota manager is told over
// CDP how much this origin may store, as tests/e2e/stream-quota.spec.ts does.

const chunkLength = 64 * 1024

async function setQuota(quotaSize?: number) {
  await cdp().send('Storage.overrideQuotaForOrigin', { origin: location.origin, quotaSize })
}

function put(store: OpfsChunkStore, index: number, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => store.put(index, chunk, (error) => (error ? reject(error) : resolve())))
}

async function pieceFiles(name: string): Promise<Record<string, number>> {
  const directory = await (await navigator.storage.getDirectory()).getDirectoryHandle(name)
  const sizes: Record<string, number> = {}
  const entries = (directory as unknown as { entries(): AsyncIterable<[string, FileSystemFileHandle]> }).entries()
  for await (const [key, handle] of entries) sizes[key] = (await handle.getFile()).size
  return sizes
}

let name = ''
afterEach(async () => {
  await setQuota()
  await (await navigator.storage.getDirectory()).removeEntry(name, { recursive: true }).catch(() => {})
})

test('a write refused by a full quota leaves no empty piece file behind', async () => {
  name = `refused - ${crypto.randomUUID().slice(0, 8)}`
  const store = new OpfsChunkStore(chunkLength, { name, length: 4 * chunkLength })
  await put(store, 0, new Uint8Array(chunkLength).fill(1))
  const { usage = 0 } = await navigator.storage.estimate()
  await setQuota(usage + chunkLength / 4)

  const refused = await put(store, 1, new Uint8Array(chunkLength).fill(2)).catch((error: unknown) => error)
  expect(isQuotaError(refused)).toBe(true)
  expect(await pieceFiles(name)).toEqual({ '0': chunkLength })

  await setQuota()
  await put(store, 1, new Uint8Array(chunkLength).fill(2))
  expect(await pieceFiles(name)).toEqual({ '0': chunkLength, '1': chunkLength })
})
