import { useMemo } from 'react'

/**
 * The same array for as long as the list's text is the same. A list read again (a listing polled
 * every few seconds, the URL's search params on each render) is a new array each time; as an
 * effect's dependency it would reopen the torrent on every read.
 * @example
 * const webSeeds = useStableList(listing?.sources.webSeeds)
 * useEffect(() => { openTorrent({ torrentId, webSeeds }) }, [torrentId, webSeeds])
 */
export function useStableList(values: readonly string[] | undefined): readonly string[] {
  const text = values?.join('\n') ?? ''
  return useMemo(() => (text ? text.split('\n') : []), [text])
}
