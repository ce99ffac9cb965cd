import { createWriteStream, openAsBlob } from 'node:fs'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import type { Hex } from 'viem'
import { afterAll, expect, test } from 'vitest'
import { firstDifference } from './__fixtures__/firstDifference'
import { prng } from './__fixtures__/prng'
import { readAll } from './__fixtures__/readAll'
import { blobSource } from './blobSource'
import { decryptStream } from './decryptStream'
import { encryptedLength } from './encryptedLength'
import { encryptFile } from './encryptFile'
import { openEncryptedFile } from './openEncryptedFile'

// Node only (the chromium project leaves *.node.test.ts out): files on disk through Node's own streams.
const key: Hex = `0x${'61'.repeat(32)}`
const dir = await mkdtemp(join(tmpdir(), 'keyswarm-crypto-'))
afterAll(() => rm(dir, { recursive: true, force: true }))

test('encrypts a file on disk into a Node write stream and decrypts it back from disk', async () => {
  const plaintext = prng(3).bytes(3 * 65_536 + 99)
  const input = join(dir, 'plain.bin')
  const output = join(dir, 'cipher.ksw')
  await writeFile(input, plaintext)
  const sink = Writable.toWeb(createWriteStream(output)) as WritableStream<Uint8Array>
  const { fileId } = await encryptFile(await openAsBlob(input), { key, sink })
  expect((await stat(output)).size).toBe(encryptedLength({ plaintextLength: plaintext.length }))
  const file = await openEncryptedFile(blobSource(await openAsBlob(output)), { key, fileId })
  expect(firstDifference(await readAll(decryptStream(file)), plaintext)).toBe(-1)
})
