import { canResume } from './canResume'
import type { UnlockEvent, UnlockState } from './unlockTypes'

const busy = new Set<UnlockState['phase']>(['buying', 'waiting', 'refunding', 'restoring'])
const waitSteps = new Set(['waiting', 'verifying', 'disputing'])

/**
 * The buyer's purchase flow as a state machine (see {@link UnlockState} for its phases): the
 * component dispatches what happened and renders the state. An event that does not fit the phase
 * (a late answer of a flow that was left) changes nothing.
 * @example
 * const [state, dispatch] = useReducer(unlockReducer, initialUnlockState)
 */
export function unlockReducer(state: UnlockState, event: UnlockEvent): UnlockState {
  switch (event.type) {
    case 'keyFound':
      return state.contentKey ? state : { phase: 'owned', contentKey: event.contentKey }
    case 'unlockClicked':
      if (busy.has(state.phase) || state.phase === 'owned') return state
      return { phase: 'buying', step: 'connect' }
    case 'stepReached':
      if (state.phase !== 'buying' && state.phase !== 'waiting') return state
      return { ...state, phase: waitSteps.has(event.step) ? 'waiting' : state.phase, step: event.step }
    case 'purchased':
      if (state.phase !== 'buying') return state
      return { ...state, phase: 'waiting', step: 'waiting', purchaseId: event.purchaseId, gas: event.gas }
    case 'resumed':
      if (!canResume(state)) return state
      return {
        phase: 'waiting',
        step: 'waiting',
        resumed: true,
        purchaseId: event.purchaseId,
        waiting: event.clock,
        refundable: event.refundable,
      }
    case 'clockRead':
      return state.phase === 'waiting' && !state.waiting ? { ...state, waiting: event.clock } : state
    case 'deadlinePassed':
      return state.phase === 'waiting' ? { ...state, refundable: true } : state
    case 'retrying':
      return state.phase === 'waiting' || state.phase === 'buying' ? { ...state, retrying: event.message } : state
    case 'keyReceived':
      if (state.phase !== 'waiting' && state.phase !== 'buying') return state
      return { ...state, phase: 'owned', step: undefined, retrying: undefined, contentKey: event.contentKey }
    case 'failed':
      if (state.phase !== 'buying' && state.phase !== 'waiting' && state.phase !== 'restoring') return state
      return { ...state, phase: 'idle', step: undefined, retrying: undefined, error: event.message }
    case 'refundClicked':
      if (!state.refundable || state.purchaseId === undefined || state.phase === 'refunding') return state
      return {
        ...state,
        phase: 'refunding',
        step: 'refunding',
        refundable: false,
        retrying: undefined,
        error: undefined,
      }
    case 'refunded':
      if (state.phase !== 'refunding') return state
      return {
        phase: 'idle',
        notice: `Refunded: purchase #${event.purchaseId} was paid back to your wallet (${event.gasUsed} gas).`,
      }
    case 'refundFailed':
      if (state.phase !== 'refunding') return state
      return { ...state, phase: 'idle', step: undefined, refundable: true, error: event.message }
    case 'restoreClicked':
      if (busy.has(state.phase) || state.phase === 'owned') return state
      return { phase: 'restoring', step: 'sign' }
    case 'restored':
      if (state.phase !== 'restoring') return state
      return event.contentKey
        ? { phase: 'owned', contentKey: event.contentKey }
        : { phase: 'idle', error: 'This account has no delivered purchase of this listing.' }
  }
}
