'use client'

import { useEffect, useState } from 'react'

/**
 * False during prerender and the hydrating render, true after: for UI that depends on what only the
 * browser knows (a wallet connection restored from storage), so hydration sees the prerendered markup.
 */
export function useMounted(): boolean {
  const [mounted, setMounted] = useState(false)
  useEffect(() => setMounted(true), [])
  return mounted
}
