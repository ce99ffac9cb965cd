import { libraryEvents } from './libraryEvents'
import type { LibraryChange } from './types'

/**
 * Tells listeners in this tab and in the site's other tabs that the library changed.
 * @param change What changed, when listeners must act on it (a removed torrent stops in every tab).
 */
export function notifyLibraryChange(change: LibraryChange = {}): void {
  libraryEvents.target?.dispatchEvent(new CustomEvent<LibraryChange>('change', { detail: change }))
  if (typeof BroadcastChannel === 'undefined') return
  const channel = new BroadcastChannel(libraryEvents.channelName)
  channel.postMessage(change)
  channel.close()
}
