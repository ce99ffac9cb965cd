import type WebTorrent from 'webtorrent/dist/webtorrent.min.js'

/** The tab's WebTorrent client type. */
export type TorrentClient = WebTorrent

/** Where the tab's one client lives (internal to lib/torrent: use `getClient`, `peekClient`, `destroyClient`). */
export const clientSlot: { promise: Promise<TorrentClient> | undefined } = { promise: undefined }
