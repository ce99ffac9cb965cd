'use client'

import { useEffect } from 'react'
import { sitePath } from '@/lib/sitePath'

/** The site's page folders, named without slashes so no link to them without one is ever written. */
const folders = ['watch', 'embed', 'library', 'publish'] as const

/**
 * On the 404 page: a link made before routes became folders (`/watch?id=…` instead of
 * `/watch/?id=…`) on a host that serves 404.html for it rather than redirecting to the folder
 * (GitHub Pages and most hosts redirect; some object stores do not) goes on to the folder, query
 * and `#key=` fragment kept. Renders nothing.
 */
export function AddTrailingSlash() {
  useEffect(() => {
    const { pathname, search, hash } = window.location
    if (folders.some((folder) => pathname === sitePath(`/${folder}`)))
      window.location.replace(`${pathname}/${search}${hash}`)
  }, [])
  return null
}
