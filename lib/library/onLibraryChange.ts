import { libraryEvents } from './libraryEvents'
import type { LibraryChange } from './types'

/**
 * Calls `listener` whenever the library changes, in this tab or another of the site's tabs.
 * @returns A function that stops listening.
 */
export function onLibraryChange(listener: (change: LibraryChange) => void): () => void {
  const target = libraryEvents.target
  if (!target) return () => {}
  const onLocal = (event: Event) => listener((event as CustomEvent<LibraryChange | undefined>).detail ?? {})
  // A tab still running an older build posts the bare string 'change'.
  const onMessage = (event: MessageEvent<unknown>) =>
    listener(typeof event.data === 'object' && event.data !== null ? (event.data as LibraryChange) : {})
  target.addEventListener('change', onLocal)
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(libraryEvents.channelName)
  channel?.addEventListener('message', onMessage)
  return () => {
    target.removeEventListener('change', onLocal)
    channel?.close()
  }
}
