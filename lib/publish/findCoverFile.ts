import { COVER_NAMES } from './coverNames'

/**
 * The index of a torrent's cover image among its files: a file at the torrent's root (directly
 * under the torrent's folder) named as {@link COVER_NAMES} says; `undefined` when there is none.
 * @param files The torrent's files in order (WebTorrent's `torrent.files`, or their paths).
 */
export function findCoverFile(files: readonly { path: string }[]): number | undefined {
  for (const name of COVER_NAMES) {
    const index = files.findIndex(({ path }) => {
      const parts = path.split('/')
      // A multi-file torrent's paths start with its folder: "<name>/cover.webp".
      return parts.length <= 2 && parts[parts.length - 1] === name
    })
    if (index >= 0) return index
  }
  return undefined
}
