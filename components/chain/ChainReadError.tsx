'use client'

import { formatError } from '@/lib/formatError'

/** Props of {@link ChainReadError}. */
export type ChainReadErrorProps = {
  /** What could not be read, as the start of a sentence: "The catalog", "Your listings". */
  what: string
  error: unknown
  /** Whether something read before is still shown below (it is kept). */
  keeping?: boolean
  onRetry: () => void
  retrying?: boolean
}

/**
 * A failed read of the chain in one sentence, with a Retry button: an endpoint that is down, slow,
 * rate-limiting or answering nonsense. What was read before stays on the page.
 */
export function ChainReadError({ what, error, keeping, onRetry, retrying }: ChainReadErrorProps) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-700 dark:text-red-300">
      <p className="flex-1">
        {what} could not be read from the chain: {formatError(error)}
        {keeping && ' What was already read stays below.'}
      </p>
      <button
        type="button"
        onClick={onRetry}
        disabled={retrying}
        className="rounded-lg border border-red-300 px-3 py-1.5 font-medium hover:bg-red-50 disabled:opacity-50 dark:border-red-800 dark:hover:bg-red-950"
      >
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  )
}
