import { type Socket, createServer } from 'node:net'

/**
 * A TCP server on 127.0.0.1 that accepts connections and never answers: a tracker or relay that
 * hangs (as `ws://` URL). `stop()` drops the connections it holds.
 */
export async function startHangingServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const held = new Set<Socket>()
  const server = createServer((socket) => held.add(socket))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `ws://127.0.0.1:${(server.address() as { port: number }).port}`,
    stop: () => {
      for (const socket of held) socket.destroy()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
