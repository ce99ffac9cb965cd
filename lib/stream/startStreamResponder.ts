import { type ReadTurns, createReadTurns } from './createReadTurns'
import { parseRange } from './parseRange'
import type { PageMessage, RangeRequest, WorkerMessage } from './protocol'
import { pullBytes } from './pullBytes'
import type { StreamSources } from './types'

/**
 * Answers the service worker's range requests from this page: for each `/stream/<id>/<file>`
 * request it opens the source, resolves the Range header and sends the bytes one chunk per pull,
 * so only what the player reads is fetched (and prioritized) from the swarm.
 *
 * @returns A function that stops answering.
 * @example
 * const stop = startStreamResponder(createTorrentSources(playbackKeys()))
 */
export function startStreamResponder(sources: StreamSources): () => void {
  const container = navigator.serviceWorker
  if (!container) return () => {}
  const open = new Set<() => void>()
  // A seek's range goes before the ranges the player left open at older positions of the file.
  const turns = createReadTurns()
  const onMessage = (event: MessageEvent) => {
    const request = event.data as RangeRequest | undefined
    const port = event.ports[0]
    if (request?.type !== 'keyswarm:range' || !port) return
    const stop = answer(sources, turns, request, port, () => open.delete(stop))
    open.add(stop)
  }
  container.addEventListener('message', onMessage)
  container.startMessages()
  return () => {
    container.removeEventListener('message', onMessage)
    for (const stop of open) stop()
    open.clear()
  }
}

function answer(
  sources: StreamSources,
  turns: ReadTurns,
  request: RangeRequest,
  port: MessagePort,
  onDone: () => void,
): () => void {
  const send = (message: PageMessage) => port.postMessage(message)
  let iterator: AsyncIterator<Uint8Array> | undefined
  let turn: ReturnType<ReadTurns['begin']> | undefined
  let finished = false
  const finish = () => {
    if (finished) return
    finished = true
    turn?.end()
    iterator?.return?.().catch(() => {})
    port.close()
    onDone()
  }
  const fail = (status: number, error: unknown) => {
    if (finished) return
    send({ type: 'error', status, message: error instanceof Error ? error.message : String(error) })
    finish()
  }

  void (async () => {
    if (!(await sources.has(request.id))) return fail(404, `This tab does not have torrent ${request.id}.`)
    send({ type: 'accept' })
    const source = await sources.open(request.id, request.file)
    if (finished) return
    const range = parseRange(request.range, source.size)
    if (range === 'unsatisfiable') {
      send({ type: 'unsatisfiable', size: source.size })
      return finish()
    }
    const { start, end } = range ?? { start: 0, end: source.size - 1 }
    // Credit the worker granted with the request: the first chunk goes without waiting for a pull.
    let credit = request.credit ?? 0
    send({
      type: 'head',
      status: range ? 206 : 200,
      size: source.size,
      start,
      end,
      mime: source.mime,
      name: source.name,
      credited: credit > 0,
    })
    if (end < start) return finish()
    turn = turns.begin(`${request.id}/${request.file}`)
    iterator = source.read({ start, end })
    let remaining = end - start + 1
    let pumping = false
    // Sends chunks while the worker has granted credit (in bytes), one read at a time, in order.
    const pump = async () => {
      if (pumping) return
      pumping = true
      try {
        while (credit > 0 && !finished) {
          if (remaining <= 0) {
            send({ type: 'end' })
            return finish()
          }
          const blocked = turn?.blocked()
          if (blocked) {
            // Gives way to a newer read of this file: the engine's reader (its selection and
            // critical pieces) goes now, and the rest of this range is read anew afterwards.
            void iterator?.return?.().catch(() => {})
            iterator = undefined
            await blocked
            continue
          }
          iterator ??= source.read({ start: end + 1 - remaining, end, resumed: true })
          const next = await iterator.next()
          if (finished) return
          if (next.done) {
            if (remaining > 0) return fail(500, `The stream ended ${remaining} bytes early.`)
            send({ type: 'end' })
            return finish()
          }
          remaining -= next.value.byteLength
          credit -= next.value.byteLength
          turn?.sent(next.value.byteLength)
          send({ type: 'chunk', data: next.value })
        }
      } catch (error) {
        fail(500, error)
      } finally {
        pumping = false
      }
    }
    port.onmessage = (event: MessageEvent<WorkerMessage>) => {
      if (event.data.type === 'cancel') return finish()
      credit += pullBytes(event.data)
      void pump()
    }
    void pump()
  })().catch((error: unknown) => fail(500, error))
  return finish
}
