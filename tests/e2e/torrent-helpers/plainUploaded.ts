import type { Page } from '@playwright/test'
import type WebTorrent from 'webtorrent/dist/webtorrent.min.js'

/** Bytes the plain WebTorrent client of {@link openPlainWebTorrent}'s page has served of a torrent it holds. */
export function plainUploaded(plain: Page, infoHash: string): Promise<number> {
  return plain.evaluate(async (infoHash) => {
    const client = (window as unknown as { client: WebTorrent }).client
    const torrent = await client.get(infoHash)
    return torrent?.uploaded ?? 0
  }, infoHash)
}
