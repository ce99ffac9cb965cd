import { type Event, verifyEvent } from 'nostr-tools/pure'
import { type WebSocket, WebSocketServer } from 'ws'
import { PortInUseError } from './staticServer'

/** A NIP-01 filter, as far as this relay reads it. */
type Filter = { ids?: string[]; authors?: string[]; kinds?: number[]; since?: number; until?: number; limit?: number } & {
  [tag: `#${string}`]: string[] | undefined
}

/** Events of other kinds kept for new subscriptions (oldest dropped first). Ephemeral ones are never kept. */
const STORED_EVENTS = 1000
const SUBSCRIPTIONS_PER_SOCKET = 20

/**
 * Starts a small Nostr relay (NIP-01: EVENT, REQ, CLOSE; OK, EOSE, NOTICE) on 127.0.0.1, for the
 * local stack and tests. Filters by ids, authors, kinds, `#<tag>`, since, until and limit.
 * Ephemeral events (kinds 20000–29999, Keyswarm's signalling) go to matching subscribers and are
 * not stored; others are kept in memory, up to a bound. Signatures are checked.
 */
export async function startRelay(port: number) {
  const server = new WebSocketServer({ host: '127.0.0.1', port, maxPayload: 128 * 1024 })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve())
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, '127.0.0.1') : error),
    )
  })
  const stored: Event[] = []
  const subscriptions = new Map<WebSocket, Map<string, Filter[]>>()
  const send = (socket: WebSocket, message: unknown[]) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }

  server.on('connection', (socket) => {
    const subs = new Map<string, Filter[]>()
    subscriptions.set(socket, subs)
    socket.on('close', () => subscriptions.delete(socket))
    socket.on('error', () => socket.terminate())
    socket.on('message', (data) => {
      let message: unknown
      try {
        message = JSON.parse(String(data))
      } catch {
        return send(socket, ['NOTICE', 'invalid: not JSON'])
      }
      if (!Array.isArray(message)) return send(socket, ['NOTICE', 'invalid: not a message array'])
      const [verb, ...rest] = message as [unknown, ...unknown[]]
      if (verb === 'EVENT') {
        const event = rest[0] as Event
        if (!isEvent(event) || !verifyEvent(event)) {
          return send(socket, ['OK', (event as { id?: unknown })?.id ?? '', false, 'invalid: bad event or signature'])
        }
        send(socket, ['OK', event.id, true, ''])
        if (event.kind < 20_000 || event.kind >= 30_000) {
          stored.push(event)
          if (stored.length > STORED_EVENTS) stored.shift()
        }
        for (const [other, otherSubs] of subscriptions) {
          for (const [id, filters] of otherSubs) if (filters.some((filter) => matches(filter, event))) send(other, ['EVENT', id, event])
        }
      } else if (verb === 'REQ' && typeof rest[0] === 'string') {
        const id = rest[0]
        const filters = rest.slice(1).filter((filter): filter is Filter => !!filter && typeof filter === 'object')
        if (!subs.has(id) && subs.size >= SUBSCRIPTIONS_PER_SOCKET) {
          return send(socket, ['CLOSED', id, 'rate-limited: too many subscriptions'])
        }
        subs.set(id, filters)
        for (const filter of filters) {
          const found = stored.filter((event) => matches(filter, event))
          for (const event of found.slice(-(filter.limit ?? found.length))) send(socket, ['EVENT', id, event])
        }
        send(socket, ['EOSE', id])
      } else if (verb === 'CLOSE' && typeof rest[0] === 'string') {
        subs.delete(rest[0])
      } else {
        send(socket, ['NOTICE', 'invalid: unknown message'])
      }
    })
  })

  const address = server.address()
  const actual = typeof address === 'object' && address ? address.port : port
  return {
    url: `ws://127.0.0.1:${actual}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate()
        server.close(() => resolve())
      }),
  }
}

function isEvent(value: unknown): value is Event {
  const event = value as Event
  return (
    !!event &&
    typeof event.id === 'string' &&
    typeof event.pubkey === 'string' &&
    typeof event.sig === 'string' &&
    typeof event.kind === 'number' &&
    typeof event.created_at === 'number' &&
    typeof event.content === 'string' &&
    Array.isArray(event.tags)
  )
}

function matches(filter: Filter, event: Event): boolean {
  if (filter.ids && !filter.ids.includes(event.id)) return false
  if (filter.authors && !filter.authors.includes(event.pubkey)) return false
  if (filter.kinds && !filter.kinds.includes(event.kind)) return false
  if (filter.since !== undefined && event.created_at < filter.since) return false
  if (filter.until !== undefined && event.created_at > filter.until) return false
  for (const [key, values] of Object.entries(filter)) {
    if (!key.startsWith('#') || !Array.isArray(values)) continue
    const name = key.slice(1)
    if (!event.tags.some((tag) => tag[0] === name && (values as string[]).includes(tag[1]!))) return false
  }
  return true
}
