import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { PortInUseError, type StaticServer, startStaticServer } from './staticServer'

let root: string
let server: StaticServer

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'static-'))
  await writeFile(join(root, 'index.html'), '<html><head><title>home</title></head><body>home</body></html>')
  await writeFile(join(root, 'watch.html'), '<html><head></head><body>watch</body></html>')
  await writeFile(join(root, '404.html'), '<html><head></head><body>missing</body></html>')
  await mkdir(join(root, 'media'))
  await writeFile(join(root, 'media', 'clip.bin'), Buffer.from(Array.from({ length: 100 }, (_, i) => i)))
  server = await startStaticServer({ root, port: 0, stack: { rpcUrl: 'http://127.0.0.1:1', trackers: ['ws://x</script>'] } })
})

afterAll(async () => {
  await server.close()
  await rm(root, { recursive: true, force: true })
})

test('serves clean URLs as a static host does', async () => {
  const response = await fetch(`${server.url}/watch?id=abc`)
  expect(response.status).toBe(200)
  expect(await response.text()).toContain('watch')
})

test('tells every page where the stack lives in a cookie, and leaves the markup untouched', async () => {
  const response = await fetch(`${server.url}/`)
  expect(await response.text()).toBe('<html><head><title>home</title></head><body>home</body></html>')
  const cookie = response.headers.get('set-cookie')!
  expect(cookie).toMatch(/^keyswarm-stack=[^;]+; Path=\/; SameSite=Strict$/)
  const value = JSON.parse(decodeURIComponent(cookie.split(';')[0]!.slice('keyswarm-stack='.length)))
  expect(value).toEqual({ rpcUrl: 'http://127.0.0.1:1', trackers: ['ws://x</script>'] })
  const media = await fetch(`${server.url}/media/clip.bin`)
  expect(media.headers.get('set-cookie')).toBeNull()
})

test('answers byte ranges', async () => {
  const response = await fetch(`${server.url}/media/clip.bin`, { headers: { range: 'bytes=10-19' } })
  expect(response.status).toBe(206)
  expect(response.headers.get('content-range')).toBe('bytes 10-19/100')
  expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19])
  const suffix = await fetch(`${server.url}/media/clip.bin`, { headers: { range: 'bytes=-5' } })
  expect([...new Uint8Array(await suffix.arrayBuffer())]).toEqual([95, 96, 97, 98, 99])
  const beyond = await fetch(`${server.url}/media/clip.bin`, { headers: { range: 'bytes=200-' } })
  expect(beyond.status).toBe(416)
})

test('answers 404 with the export’s 404 page, and never leaves the root', async () => {
  const missing = await fetch(`${server.url}/nope`)
  expect(missing.status).toBe(404)
  expect(await missing.text()).toContain('missing')
  const escape = await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`)
  expect(escape.status).toBe(404)
})

test('a taken port is a clear error', async () => {
  const squatter = createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => squatter.once('listening', resolve))
  const port = (squatter.address() as { port: number }).port
  await expect(startStaticServer({ root, port })).rejects.toThrow(PortInUseError)
  await expect(startStaticServer({ root, port })).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`)
  squatter.close()
})
