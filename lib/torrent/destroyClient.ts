import { clientSlot } from './clientSlot'

/**
 * Destroys the tab's client: closes every peer connection, tracker socket and store (keeping the
 * stored data, so the library resumes on the next `getClient`).
 */
export async function destroyClient(): Promise<void> {
  const pending = clientSlot.promise
  clientSlot.promise = undefined
  if (!pending) return
  const client = await pending.catch(() => undefined)
  if (!client || client.destroyed) return
  await new Promise<void>((resolve, reject) => client.destroy((error) => (error ? reject(error) : resolve())))
}
