import { libraryEvents } from './libraryEvents'

/**
 * Calls `listener` whenever the library changes, in this tab or another of the site's tabs.
 * @returns A function that stops listening.
 */
export function onLibraryChange(listener: () => void): () => void {
  const target = libraryEvents.target
  if (!target) return () => {}
  target.addEventListener('change', listener)
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(libraryEvents.channelName)
  channel?.addEventListener('message', listener)
  return () => {
    target.removeEventListener('change', listener)
    channel?.close()
  }
}
