import { libraryEvents } from './libraryEvents'

/** Tells listeners in this tab and in the site's other tabs that the library changed. */
export function notifyLibraryChange(): void {
  libraryEvents.target?.dispatchEvent(new Event('change'))
  if (typeof BroadcastChannel === 'undefined') return
  const channel = new BroadcastChannel(libraryEvents.channelName)
  channel.postMessage('change')
  channel.close()
}
