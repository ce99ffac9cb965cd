'use client'

import Link from 'next/link'
import { useState } from 'react'
import { formatBytes } from '@/components/torrent/formatBytes'
import { formatPrice } from '@/lib/chain/formatPrice'
import { isFreeListing } from '@/lib/chain/isFreeListing'
import { ChainReadError } from '@/components/chain/ChainReadError'
import { useTargetDeployment } from '@/components/chain/useTargetDeployment'
import { formatError } from '@/lib/formatError'
import { useListings } from './useListings'

/** Listings shown at first, and added by each "Show more". */
const PAGE_SIZE = 24

/**
 * The home page catalog: the contract's `Listed` events, newest first, shown as they arrive (the
 * first page before the scan of older blocks is done), a page at a time, with a search box over
 * everything read so far. A failed read says so with a Retry and keeps what is shown. Covers are
 * not shown here: each would cost opening a torrent and finding peers; /watch shows them.
 */
export function Catalog() {
  const { error: notDeployed } = useTargetDeployment()
  const { listings, loading, error, retry, deployment } = useListings()
  const [query, setQuery] = useState('')
  const [limit, setLimit] = useState(PAGE_SIZE)
  const needle = query.trim().toLowerCase()
  const matching = listings.filter(
    (l) => !needle || l.title.toLowerCase().includes(needle) || l.description.toLowerCase().includes(needle),
  )
  const shown = matching.slice(0, limit)
  if (notDeployed || !deployment)
    return (
      <p role="alert" className="mt-4 text-sm text-amber-700 dark:text-amber-300" data-testid="catalog-not-deployed">
        {formatError(notDeployed)}
      </p>
    )
  return (
    <div
      className="mt-4 space-y-4"
      data-testid="catalog"
      data-state={error ? 'error' : loading ? 'loading' : 'done'}
      aria-busy={loading}
    >
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Search listings"
        aria-label="Search listings"
        className="w-full rounded-lg border border-zinc-300 bg-transparent px-3 py-2 text-sm dark:border-zinc-700"
      />
      {error !== undefined && (
        <ChainReadError
          what="The catalog"
          error={error}
          keeping={listings.length > 0}
          onRetry={retry}
          retrying={loading}
        />
      )}
      {loading && (
        <p className="text-sm text-zinc-500" data-testid="catalog-loading" role="status">
          {listings.length === 0
            ? 'Reading listings from the chain, newest first…'
            : needle
              ? `Searched ${listings.length} listings so far; older ones are still being read…`
              : `${listings.length} listing${listings.length === 1 ? '' : 's'} read so far; older ones are still being read…`}
        </p>
      )}
      {!loading && error === undefined && matching.length === 0 && (
        <p className="text-sm text-zinc-500">{needle ? 'No listing matches your search.' : 'Nothing is listed yet.'}</p>
      )}
      <ul className="grid gap-3 sm:grid-cols-2">
        {shown.map((l) => (
          <li key={String(l.contentId)} data-testid="catalog-item">
            <Link
              href={`/watch/?listing=${l.contentId}`}
              className="block rounded-xl border border-zinc-200 p-4 hover:border-indigo-400 dark:border-zinc-800"
            >
              <span className="block font-medium break-words">{l.title || 'Untitled'}</span>
              <span className="mt-1 block text-sm text-zinc-500">
                {isFreeListing(l) ? 'Free' : formatPrice({ price: l.price, token: l.token, deployment })} ·{' '}
                {formatBytes(Number(l.size))} · #{String(l.contentId)}
              </span>
              {l.description && (
                <span className="mt-2 line-clamp-2 block text-sm text-zinc-600 dark:text-zinc-400">
                  {l.description}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
      {matching.length > shown.length && (
        <button
          type="button"
          onClick={() => setLimit((n) => n + PAGE_SIZE)}
          className="rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900"
        >
          Show more ({matching.length - shown.length} more{loading ? ' so far' : ''})
        </button>
      )}
    </div>
  )
}
