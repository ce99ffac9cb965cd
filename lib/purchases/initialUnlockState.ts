import type { UnlockState } from './unlockTypes'

/** An unlock before anything happened. */
export const initialUnlockState: UnlockState = { phase: 'idle' }
