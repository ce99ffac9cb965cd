'use client'

import type { ReactNode } from 'react'
import { useAccount } from 'wagmi'
import type { UnlockStep } from '@/lib/purchases/unlockTypes'
import type { useUnlock } from './useUnlock'

/** Props of {@link UnlockPanel}. */
export type UnlockPanelProps = {
  unlock: ReturnType<typeof useUnlock>
  /** The price as shown, e.g. "0.01 ETH". */
  price: string
  /** Whether the listing sells now (the creator may pause it). */
  active: boolean
  /** `page` on /watch; `frame` in the embed, which may be 320 pixels wide: shorter sentences, smaller type. */
  size: 'page' | 'frame'
  /** Shown beside the buttons (the embed's wallet button: a frame has no header). */
  children?: ReactNode
}

const pageSteps: Record<UnlockStep, string> = {
  connect: 'Checking your wallet…',
  sign: 'Sign the account message in your wallet (once per device): it makes the key only you can open.',
  verify: 'Checking the listing before you pay…',
  approve: 'Approve the token payment in your wallet…',
  purchase: 'Confirm the purchase in your wallet…',
  waiting: 'Paid. Waiting for the creator’s agent to deliver your key (usually a few seconds)…',
  verifying: 'Key received: checking it against the listing…',
  disputing: 'The delivered key is wrong: disputing it on chain to get your money back…',
  refunding: 'Taking your refund…',
}

const frameSteps: Record<UnlockStep, string> = {
  ...pageSteps,
  sign: 'Sign the account message in your wallet (once per device).',
  waiting: 'Paid. Waiting for the creator to deliver your key…',
  verifying: 'Key received: checking it…',
  disputing: 'The delivered key is wrong: getting your money back…',
}

const sizes = {
  page: {
    steps: pageSteps,
    box: 'space-y-3',
    text: 'text-sm',
    unlock: 'px-4 py-2',
    paused: 'The creator has paused sales of this listing.',
    restore: 'Restore my purchases',
    restoreClass:
      'rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-900',
    refundClass: 'rounded-lg bg-amber-600 px-3 py-1.5 font-medium text-white hover:bg-amber-500',
    errorId: 'unlock-error',
    errorClass: 'rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-200',
  },
  frame: {
    steps: frameSteps,
    box: 'space-y-2',
    text: 'text-xs',
    unlock: 'h-9 px-3',
    paused: 'The creator has paused sales.',
    restore: 'I bought it',
    restoreClass:
      'h-9 rounded-lg px-2 text-xs text-zinc-600 underline hover:text-zinc-900 disabled:opacity-50 dark:text-zinc-400 dark:hover:text-white',
    refundClass: 'font-medium text-amber-700 underline',
    // The frame's one error line, which the host page's tests and the loader read.
    errorId: 'embed-error',
    errorClass: 'text-xs text-red-700 dark:text-red-300',
  },
} as const

/**
 * A paid listing's unlock, the same on /watch and in the embed: "Unlock for <price>", restoring a
 * purchase made on another device, where the purchase is (step, wait, retries), a refund once the
 * deadline passed, and what went wrong.
 */
export function UnlockPanel({ unlock, price, active, size, children }: UnlockPanelProps) {
  const { isConnected } = useAccount()
  const s = sizes[size]
  return (
    <div className={s.box}>
      {!active && <p className={`${s.text} text-amber-700`}>{s.paused}</p>}
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={() => void unlock.unlock()}
          disabled={unlock.busy || !active || !isConnected}
          className={`${s.unlock} rounded-lg bg-indigo-600 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50`}
        >
          Unlock for {price}
        </button>
        {children}
        {/* In a frame there is no room for a button that cannot work yet. */}
        {(size === 'page' || isConnected) && (
          <button
            type="button"
            onClick={() => void unlock.restore()}
            disabled={unlock.busy || !isConnected}
            title="Bought it before? One signature finds your key."
            className={s.restoreClass}
          >
            {s.restore}
          </button>
        )}
      </div>
      {!isConnected && size === 'page' && <p className="text-sm text-zinc-500">Connect your wallet to buy.</p>}
      {unlock.step && (
        <p
          role="status"
          data-testid="unlock-step"
          data-step={unlock.step}
          className={`${s.text} text-zinc-600 dark:text-zinc-400`}
        >
          {s.steps[unlock.step]}
        </p>
      )}
      {unlock.waitNote && (
        <p data-testid="unlock-wait" className="text-xs text-zinc-500">
          {unlock.waitNote}
        </p>
      )}
      {unlock.retrying && (
        <p className="text-xs text-amber-700 dark:text-amber-300">
          Cannot reach the chain right now ({unlock.retrying}); still waiting.
        </p>
      )}
      {unlock.refundable && (
        <p className={s.text}>
          The creator did not deliver the key in time.{' '}
          <button type="button" onClick={() => void unlock.refund()} className={s.refundClass}>
            Refund
          </button>
        </p>
      )}
      {unlock.notice && (
        <p role="status" data-testid="unlock-notice" className={`${s.text} text-emerald-700 dark:text-emerald-300`}>
          {unlock.notice}
        </p>
      )}
      {unlock.error && (
        <p role="alert" data-testid={s.errorId} className={s.errorClass}>
          {unlock.error}
        </p>
      )}
    </div>
  )
}
