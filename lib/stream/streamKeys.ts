import type { Hex } from 'viem'

/**
 * Content keys of encrypted torrents this tab may decrypt, by infohash. Kept in memory only:
 * lib/library persists them, the page registers them here when it opens a torrent.
 */
export const streamKeys = new Map<string, Hex>()
