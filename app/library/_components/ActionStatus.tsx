import type { ChainActionState } from './useChainAction'

/** The sentence of an action in progress, done or failed; nothing while idle. */
export function ActionStatus({ state, testId = 'action-status' }: { state: ChainActionState; testId?: string }) {
  if (state.status === 'idle' || !state.message) return null
  const tone =
    state.status === 'error'
      ? 'bg-red-50 text-red-800 dark:bg-red-950/40 dark:text-red-200'
      : state.status === 'success'
        ? 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-200'
        : 'bg-zinc-100 text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300'
  return (
    <p
      role={state.status === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      data-status={state.status}
      className={`rounded-lg px-3 py-2 text-sm ${tone}`}
    >
      {state.message}
    </p>
  )
}
