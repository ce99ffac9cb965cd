/**
 * Keyswarm's service worker (built into public/sw.js by scripts/build-sw.ts).
 * It answers `GET <base>/stream/<id>/<file>[/<name>]` with Range support by asking a page of the
 * site for the bytes over a MessageChannel: the page holds the torrent (and, for paid files, the
 * key). `<base>` is the folder sw.js is served from, so one build of this file works at a domain's
 * root and under a base path.
 * Nothing else is intercepted: the static site is served by the network as usual.
 */
import { LEGACY_CHUNK_BYTES, type PageMessage, type RangeRequest, STREAM_PREFIX, type WorkerMessage } from './protocol'

// The DOM and WebWorker libs cannot both be in one TypeScript program: the worker's few globals are typed here.
type WindowClient = { id: string; url: string; postMessage(message: unknown, transfer: Transferable[]): void }
type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void }
type FetchEvent = ExtendableEvent & {
  request: Request
  clientId: string
  respondWith(response: Promise<Response>): void
}
type MessageEventFromPage = ExtendableEvent & { data: unknown }
type WorkerScope = {
  location: Location
  skipWaiting(): Promise<void>
  clients: {
    claim(): Promise<void>
    get(id: string): Promise<WindowClient | undefined>
    matchAll(options: { type: 'window'; includeUncontrolled?: boolean }): Promise<WindowClient[]>
  }
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
  addEventListener(type: 'message', listener: (event: MessageEventFromPage) => void): void
}

const worker = self as unknown as WorkerScope
/** `/stream/` below the folder this worker was served from: `/keyswarm/stream/` for `/keyswarm/sw.js`. */
const streamPrefix = new URL(`.${STREAM_PREFIX}`, worker.location.href).pathname

/** How long a page has to say whether it holds the torrent before the next page is asked. */
const ACCEPT_TIMEOUT_MS = 2000
/**
 * Bytes granted ahead of the reader. Each chunk crosses two threads (page -> worker -> reader);
 * on a busy main thread a round trip takes long, and a window of a few chunks (16 of 64 KiB
 * pieces) let the reader fall far behind the download. Counted in bytes, not chunks, so big
 * pieces do not multiply what is held.
 */
const READ_AHEAD_BYTES = 8 * 1024 * 1024

// A new version takes over at once: streams in flight keep their ports, new requests use it.
worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()))
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()))
worker.addEventListener('message', (event) => {
  if ((event.data as { type?: string })?.type === 'keyswarm:claim') event.waitUntil(worker.clients.claim())
})

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (url.origin !== worker.location.origin || !url.pathname.startsWith(streamPrefix)) return
  if (event.request.method !== 'GET' && event.request.method !== 'HEAD') return
  event.respondWith(serve(event, url))
})

async function serve(event: FetchEvent, url: URL): Promise<Response> {
  const [id, fileText] = url.pathname.slice(streamPrefix.length).split('/')
  const file = Number(fileText)
  if (!id || !Number.isInteger(file) || file < 0) return textResponse(400, 'Expected /stream/<id>/<file>.')
  const request: RangeRequest = {
    type: 'keyswarm:range',
    id: decodeURIComponent(id),
    file,
    range: event.request.headers.get('range'),
    credit: READ_AHEAD_BYTES,
  }
  const download = url.searchParams.has('download')
  const head = event.request.method === 'HEAD'

  // The page that asked first (it is playing the file), then every other tab of the site; the
  // others are looked up only when it cannot answer, so a player's request waits for no lookup.
  const requester = event.clientId ? await worker.clients.get(event.clientId) : undefined
  let lastError = 'No open Keyswarm tab has this torrent.'
  const tried = async (client: WindowClient) => {
    const answer = await ask(client, request, event.request.signal)
    if (answer.kind === 'error') lastError = answer.message
    return answer.kind === 'response' ? answer : undefined
  }
  const first = requester && (await tried(requester))
  if (first) return first.build(download, head)
  const others = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true })
  for (const client of others.filter((c) => c.id !== requester?.id)) {
    const answer = await tried(client)
    if (answer) return answer.build(download, head)
  }
  return textResponse(404, lastError)
}

type Answer =
  | { kind: 'response'; build: (download: boolean, head: boolean) => Response }
  | { kind: 'error'; message: string }
  | { kind: 'silent' }

function ask(client: WindowClient, request: RangeRequest, signal: AbortSignal): Promise<Answer> {
  const channel = new MessageChannel()
  const port = channel.port1
  const send = (message: WorkerMessage) => port.postMessage(message)
  return new Promise<Answer>((resolve) => {
    let accepted = false
    const timer = setTimeout(() => {
      if (accepted) return
      port.close()
      resolve({ kind: 'silent' })
    }, ACCEPT_TIMEOUT_MS)
    const onAbort = () => {
      send({ type: 'cancel' })
      port.close()
      resolve({ kind: 'error', message: 'The request was aborted.' })
    }
    signal.addEventListener('abort', onAbort, { once: true })
    port.onmessage = (event: MessageEvent<PageMessage>) => {
      const message = event.data
      if (message.type === 'accept') {
        accepted = true
        return
      }
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
      if (message.type === 'error') {
        port.close()
        return resolve(
          message.status === 404
            ? { kind: 'error', message: message.message }
            : {
                kind: 'response',
                build: () => textResponse(message.status, message.message),
              },
        )
      }
      if (message.type === 'unsatisfiable') {
        port.close()
        return resolve({
          kind: 'response',
          build: () => new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${message.size}` } }),
        })
      }
      if (message.type === 'head') {
        resolve({ kind: 'response', build: (download, head) => streamResponse(port, message, download, head) })
      }
    }
    client.postMessage(request, [channel.port2])
  })
}

function streamResponse(
  port: MessagePort,
  head: Extract<PageMessage, { type: 'head' }>,
  download: boolean,
  headOnly: boolean,
): Response {
  const headers = new Headers({
    'Content-Type': head.mime,
    'Content-Length': String(head.end - head.start + 1),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    // A torrent's file is content, never a page of this site: markup is served as text, unsniffed.
    'X-Content-Type-Options': 'nosniff',
  })
  if (head.status === 206) headers.set('Content-Range', `bytes ${head.start}-${head.end}/${head.size}`)
  if (download) headers.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(head.name)}`)
  if (headOnly || head.end < head.start) {
    port.postMessage({ type: 'cancel' } satisfies WorkerMessage)
    port.close()
    return new Response(null, { status: head.status, headers })
  }

  // Credit-based flow: about READ_AHEAD_BYTES are granted and not yet received, so the page never
  // reads far ahead of what the player consumes, while many chunks are always in flight. Credit
  // is topped up once half of it arrived: one message per several chunks, not per chunk.
  // A page that took the request's credit sends at once; an earlier one waits for a pull.
  let granted = head.credited ? READ_AHEAD_BYTES : 0
  let done = false
  let progress: (() => void) | undefined
  const grant = () => {
    if (done || granted > READ_AHEAD_BYTES / 2) return
    const bytes = READ_AHEAD_BYTES - granted
    port.postMessage({ type: 'pull', bytes, count: Math.ceil(bytes / LEGACY_CHUNK_BYTES) } satisfies WorkerMessage)
    granted = READ_AHEAD_BYTES
  }
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        port.onmessage = (event: MessageEvent<PageMessage>) => {
          const message = event.data
          if (done) return
          if (message.type === 'chunk') {
            granted -= message.data.byteLength
            controller.enqueue(message.data)
          } else if (message.type === 'end') {
            done = true
            controller.close()
            port.close()
          } else if (message.type === 'error') {
            done = true
            controller.error(new Error(message.message))
            port.close()
          }
          progress?.()
        }
      },
      pull() {
        grant()
        // Resolves on the next message, so the stream asks again only after something arrived.
        return new Promise<void>((resolve) => {
          progress = () => {
            progress = undefined
            resolve()
          }
        })
      },
      cancel() {
        done = true
        port.postMessage({ type: 'cancel' } satisfies WorkerMessage)
        port.close()
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: READ_AHEAD_BYTES }),
  )
  return new Response(body, { status: head.status, headers })
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
