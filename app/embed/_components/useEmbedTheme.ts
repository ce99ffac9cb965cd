'use client'

import { useEffect } from 'react'

/**
 * Holds the page in the scheme the embedding site asked for (`?theme=`), whatever the viewer chose
 * on Keyswarm itself. The site's ThemeProvider sets the `dark` class after this effect runs (a
 * parent's effects run after its children's) and again when the system scheme changes; watching
 * the class keeps the host's choice without touching the viewer's stored one.
 */
export function useEmbedTheme(theme: 'light' | 'dark' | undefined) {
  useEffect(() => {
    if (!theme) return
    const html = document.documentElement
    const apply = () => {
      if (html.classList.contains('dark') !== (theme === 'dark')) html.classList.toggle('dark', theme === 'dark')
    }
    apply()
    const observer = new MutationObserver(apply)
    observer.observe(html, { attributes: true, attributeFilter: ['class'] })
    return () => observer.disconnect()
  }, [theme])
}
