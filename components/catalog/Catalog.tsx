'use client'

import Link from 'next/link'
import { useState } from 'react'
import { formatBytes } from '@/components/torrent/formatBytes'
import { formatPrice } from '@/lib/chain/formatPrice'
import { isFreeListing } from '@/lib/chain/isFreeListing'
import { requireDeployment } from '@/lib/chain/requireDeployment'
import { appConfig } from '@/lib/config'
import { formatError } from '@/lib/formatError'
import { useListings } from './useListings'

/**
 * The home page catalog: the contract's `Listed` events, newest first, with a search box. Covers
 * are not shown here: each would cost opening a torrent and finding peers; /watch shows them.
 */
export function Catalog() {
  const { data: listings, error, isPending } = useListings()
  const [query, setQuery] = useState('')
  const deployment = requireDeployment(appConfig.chains[0].id)
  const needle = query.trim().toLowerCase()
  const shown = (listings ?? []).filter(
    (l) => !needle || l.title.toLowerCase().includes(needle) || l.description.toLowerCase().includes(needle),
  )
  return (
    <div className="mt-4 space-y-4" data-testid="catalog">
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Search listings"
        aria-label="Search listings"
        className="w-full rounded-lg border border-zinc-300 bg-transparent px-3 py-2 text-sm dark:border-zinc-700"
      />
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          The catalog could not be read from the chain: {formatError(error)}
        </p>
      )}
      {isPending && !error && <p className="text-sm text-zinc-500">Reading listings from the chain…</p>}
      {listings && shown.length === 0 && (
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
    </div>
  )
}
