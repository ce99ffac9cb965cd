'use client'

import { useContext } from 'react'
import { ThemeContext, type ThemeState } from './ThemeProvider'

/** The light/dark scheme in effect and a setter; needs `ThemeProvider` above. */
export function useTheme(): ThemeState {
  const theme = useContext(ThemeContext)
  if (!theme) throw new Error('useTheme needs a ThemeProvider above it.')
  return theme
}
