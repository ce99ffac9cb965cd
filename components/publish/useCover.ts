'use client'

import { useCallback, useEffect, useState } from 'react'
import { formatError } from '@/lib/formatError'
import { makeCover } from '@/lib/publish/makeCover'

/** The cover a creator picked: the made `cover.webp`/`cover.jpg`, its preview URL, or why it was refused. */
export type CoverState = { file?: File; preview?: string; error?: string; making: boolean }

/**
 * The cover picker's state: scales and re-encodes the picked image in the tab (`makeCover`) and
 * owns the preview's object URL, revoking it when the cover changes or the form goes away.
 */
export function useCover() {
  const [state, setState] = useState<CoverState>({ making: false })

  useEffect(() => {
    const url = state.preview
    return () => {
      if (url) URL.revokeObjectURL(url)
    }
  }, [state.preview])

  const pick = useCallback(async (image: File | undefined) => {
    if (!image) return setState({ making: false })
    setState({ making: true })
    try {
      const file = await makeCover(image)
      setState({ file, preview: URL.createObjectURL(file), making: false })
    } catch (e) {
      setState({ error: formatError(e), making: false })
    }
  }, [])

  return { ...state, pick }
}
