import type { UnlockState } from './unlockTypes'

/**
 * Whether a purchase found open on chain may take the page over: not when the key is here or the
 * buyer already clicked (a click wins); an earlier resume's wait is taken over.
 */
export function canResume(state: UnlockState): boolean {
  if (state.contentKey) return false
  return state.phase === 'idle' || (state.phase === 'waiting' && !!state.resumed)
}
