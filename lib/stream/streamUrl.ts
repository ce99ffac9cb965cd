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
}

/**
 * The same-origin URL the service worker streams a torrent file from, with Range support:
 * `/stream/<id>/<file>/<name>`. Works as `<video src>`, `<img src>`, `<a href download>`.
 */
export function streamUrl({ id, file, name, download }: StreamUrlParameters): string {
  const tail = name ? `/${encodeURIComponent(name)}` : ''
  return `${STREAM_PREFIX}${encodeURIComponent(id)}/${file}${tail}${download ? '?download=1' : ''}`
}
