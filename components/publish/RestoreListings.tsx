'use client'

import { useAccount } from 'wagmi'
import { useRestoreListings } from './useRestoreListings'

const stageText = {
  sign: 'Sign the account message in your wallet: your listings’ keys derive from it.',
  read: 'Finding your listings on the chain…',
  agent: 'Authorize this tab’s delivery agent and give it a little gas money…',
} as const

/**
 * "Restore my listings" on /publish and /library: on a new device, one signature brings back the keys of the
 * creator's paid listings, so this tab delivers to buyers and the creator plays their own content.
 */
export function RestoreListings() {
  const { isConnected } = useAccount()
  const { restore, stage, result, error, busy } = useRestoreListings()
  return (
    <section className="mb-6 max-w-xl space-y-2 text-sm" aria-label="Restore my listings">
      <p className="text-zinc-600 dark:text-zinc-400">
        New device? One signature finds your paid listings’ keys again, so this tab can deliver them to buyers. Listings
        published before restorable keys existed (with a random salt) cannot be restored: only the device that published
        them holds their keys.
      </p>
      <button
        type="button"
        onClick={() => void restore()}
        disabled={busy || !isConnected}
        className="rounded-lg border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
      >
        Restore my listings
      </button>
      {stage && (
        <p role="status" className="text-zinc-600 dark:text-zinc-400">
          {stageText[stage]}
        </p>
      )}
      {result && (
        <p role="status" data-testid="restore-result" data-restored={result.restored.length}>
          {result.restored.length === 0
            ? 'No paid listing of yours to restore on this chain.'
            : `Restored ${result.restored.length} listing${result.restored.length === 1 ? '' : 's'} (${result.restored
                .map((s) => `#${s.contentId}`)
                .join(', ')}): this tab delivers their keys now.`}
          {result.unrestorable.length > 0 &&
            ` ${result.unrestorable.map((id) => `#${id}`).join(', ')} cannot be restored: published with a random salt, their keys live only on the device that published them.`}
        </p>
      )}
      {error && (
        <p
          role="alert"
          data-testid="restore-error"
          className="rounded-lg bg-red-50 px-4 py-3 text-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {error}
        </p>
      )}
    </section>
  )
}
