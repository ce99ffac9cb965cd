import { onLibraryChange } from '../library/onLibraryChange'
import { peekClient } from './peekClient'
import { watchTorrentHealth } from './watchTorrentHealth'

/**
 * Stops, in this tab, every torrent the person removes from the library, in this tab or another
 * of the site's: the removing tab already deleted its pieces, so seeding on would serve data that
 * is gone. The store is closed, not destroyed (it is already deleted), and the torrent is not
 * added again: the library no longer has it. Never creates the client.
 * @returns A function that stops listening.
 */
export function stopRemovedTorrents(): () => void {
  return onLibraryChange(({ removed }) => {
    if (!removed) return
    const client = peekClient()
    if (!client) return
    client.then(
      (c) => {
        const torrent = c.torrents.find((t) => t.infoHash === removed && !t.destroyed)
        if (!torrent) return
        // Marked first: the status UI reads it on the 'close' event and says why it stopped.
        watchTorrentHealth(torrent).removed = true
        torrent.destroy({ destroyStore: false }, (error) => {
          if (error) console.error(`[keyswarm] could not stop the removed torrent ${removed}`, error)
        })
      },
      // A client that failed to start runs no torrent; its failure was reported where it started.
      () => {},
    )
  })
}
