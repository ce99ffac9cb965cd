'use client'

import { usePathname } from 'next/navigation'
import type { ReactNode } from 'react'

/** Props of {@link SiteChrome}. */
export type SiteChromeProps = { header: ReactNode; footer: ReactNode; children: ReactNode }

/**
 * The site's header, main column and footer around a page, except for the embeddable player
 * (`/embed`), which lives inside other sites' pages and fills its frame alone. The path is known
 * when the static export prerenders each page, so /embed's HTML ships without the chrome at all.
 */
export function SiteChrome({ header, footer, children }: SiteChromeProps) {
  const pathname = usePathname()
  // With or without the trailing slash the export's folders give it.
  if (`${pathname ?? ''}/`.replace(/\/\/$/, '/').startsWith('/embed/')) return children
  return (
    <>
      {header}
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">{children}</main>
      {footer}
    </>
  )
}
