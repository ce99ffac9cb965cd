import { sitePath } from '../sitePath'
import { STREAM_PREFIX } from './protocol'

/** Parameters of `streamUrl`. */
export type StreamUrlParameters = {
  /** Torrent infohash. */
  id: string
  /** File index inside the torrent. */
  file: number
  /** File name, appended so saved files and the browser's UI get a readable name. */
  name?: string
  /** Ask the browser to save the file instead of showing it. */
  download?: boolean
  /**
   * Which opening of the torrent this URL streams, when it was opened again (Try again after an
   * error). Chromium's media stack shares data and loads between players of one URL, so a new
   * player on the old URL would wait on the old player's load, which failed or hangs with the
   * stopped torrent.
   */
  session?: number
}

/**
 * The same-origin URL the service worker streams a torrent file from, with Range support:
 * `<base>/stream/<id>/<file>/<name>` (`<base>`: the build's base path). Works as `<video src>`, `<img src>`, `<a href download>`.
 */
export function streamUrl({ id, file, name, download, session }: StreamUrlParameters): string {
  const tail = name ? `/${encodeURIComponent(name)}` : ''
  const query = [download ? 'download=1' : '', session ? `session=${session}` : ''].filter(Boolean).join('&')
  return `${sitePath(STREAM_PREFIX)}${encodeURIComponent(id)}/${file}${tail}${query ? `?${query}` : ''}`
}
