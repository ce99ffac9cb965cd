'use client'

import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'

/** What the person chose; `system` follows the operating system. */
export type ThemeChoice = 'light' | 'dark' | 'system'

export type ThemeState = {
  choice: ThemeChoice
  /** The scheme in effect after resolving `system`. */
  resolved: 'light' | 'dark'
  setChoice: (choice: ThemeChoice) => void
}

export const ThemeContext = createContext<ThemeState | null>(null)

const storageKey = 'keyswarm.theme'

/**
 * Runs before first paint (inlined in the root layout) so a dark page never flashes light.
 * Kept as a string: it executes before React does.
 */
export const themeScript = `try{var c=localStorage.getItem('${storageKey}')||'system';var d=c==='dark'||(c==='system'&&matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d)}catch(e){}`

function systemScheme(): 'light' | 'dark' {
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

/** Holds the light/dark choice, persists it, and keeps the `dark` class on <html> in step. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  const [choice, setChoiceState] = useState<ThemeChoice>('system')
  const [system, setSystem] = useState<'light' | 'dark'>('light')

  useEffect(() => {
    setChoiceState((localStorage.getItem(storageKey) as ThemeChoice | null) ?? 'system')
    setSystem(systemScheme())
    const media = matchMedia('(prefers-color-scheme: dark)')
    const onChange = () => setSystem(systemScheme())
    media.addEventListener('change', onChange)
    return () => media.removeEventListener('change', onChange)
  }, [])

  const resolved = choice === 'system' ? system : choice
  useEffect(() => {
    document.documentElement.classList.toggle('dark', resolved === 'dark')
  }, [resolved])

  const setChoice = useCallback((next: ThemeChoice) => {
    localStorage.setItem(storageKey, next)
    setChoiceState(next)
  }, [])

  const value = useMemo(() => ({ choice, resolved, setChoice }), [choice, resolved, setChoice])
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>
}
