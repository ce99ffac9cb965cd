import type { ReactNode } from 'react'

/** A sentence centred in the player's frame: what it is doing, or (with `error`) what went wrong. */
export function EmbedNotice({ children, error = false }: { children: ReactNode; error?: boolean }) {
  return (
    <div className="grid h-full w-full place-items-center bg-zinc-950 p-3 text-center text-xs text-zinc-300 sm:text-sm">
      <p
        role={error ? 'alert' : 'status'}
        data-testid={error ? 'embed-error' : 'embed-status'}
        className={error ? 'max-w-prose text-red-300' : 'max-w-prose'}
      >
        {children}
      </p>
    </div>
  )
}
