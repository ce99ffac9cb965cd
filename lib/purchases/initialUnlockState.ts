import type { UnlockState } from './types'

/** An unlock before anything happened. */
export const initialUnlockState: UnlockState = { phase: 'idle' }
