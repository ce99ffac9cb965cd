import type { Metadata } from 'next'
import { EmbedView } from './_components/EmbedView'

export const metadata: Metadata = { title: 'Player' }

/**
 * `/embed?listing=<contentId>` or `?id=` / `?magnet=` (`#key=` for an encrypted free file): the
 * player alone, for an iframe on another site (or `public/embed.js`). No site chrome: see
 * app/_components/SiteChrome. Its postMessage API is in docs/embed.md.
 */
export default function EmbedPage() {
  return <EmbedView />
}
