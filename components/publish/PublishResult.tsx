'use client'

import Link from 'next/link'
import { sitePath } from '@/lib/sitePath'
import type { PublishResultData } from './usePublish'

/** After publishing: the listing's share link and embed code, and a reminder that this tab seeds (and delivers, when paid). */
export function PublishResult({ result }: { result: PublishResultData }) {
  // The site's origin plus its base path, so the links follow a site hosted under a subpath.
  const site = `${typeof window === 'undefined' ? '' : window.location.origin}${sitePath('')}`
  const link = `${site}/watch/?listing=${result.contentId}`
  const script = `<script src="${site}/embed.js" data-listing="${result.contentId}"></script>`
  const iframe = `<iframe src="${site}/embed/?listing=${result.contentId}" width="640" height="360" allow="autoplay; fullscreen; picture-in-picture" style="border:0;max-width:100%"></iframe>`
  return (
    <div
      className="max-w-xl space-y-4 rounded-2xl border border-indigo-200 bg-indigo-50/50 p-5 dark:border-indigo-900 dark:bg-indigo-950/20"
      data-testid="publish-result"
    >
      <h2 className="font-semibold">Listed as #{String(result.contentId)}</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {result.free
          ? 'A free listing: anyone with the link plays it, no wallet needed. Keep a Keyswarm tab open so this browser seeds the files.'
          : 'Keep a Keyswarm tab open: this browser seeds the encrypted files and delivers keys to buyers by itself.'}
      </p>
      <label className="block text-sm font-medium">
        Share link
        <input
          readOnly
          value={link}
          data-testid="listing-link"
          className="mt-1 w-full rounded-lg border border-zinc-300 bg-transparent px-3 py-2 font-mono text-xs dark:border-zinc-700"
        />
      </label>
      <label className="block text-sm font-medium">
        Embed on your site (one script tag; see docs/embed.md for its JS API)
        <textarea
          readOnly
          value={script}
          rows={2}
          data-testid="embed-code"
          className="mt-1 w-full rounded-lg border border-zinc-300 bg-transparent px-3 py-2 font-mono text-xs dark:border-zinc-700"
        />
      </label>
      <label className="block text-sm font-medium">
        Or as an iframe
        <textarea
          readOnly
          value={iframe}
          rows={3}
          data-testid="embed-iframe"
          className="mt-1 w-full rounded-lg border border-zinc-300 bg-transparent px-3 py-2 font-mono text-xs dark:border-zinc-700"
        />
      </label>
      <p
        className="text-xs text-zinc-500"
        data-testid="publish-gas"
        data-list-gas={String(result.gasUsed)}
        data-agent-gas={String(result.agentGasUsed)}
      >
        Infohash {result.infoHash} · transaction {result.transactionHash} · listing {String(result.gasUsed)} gas, agent
        setup {String(result.agentGasUsed)} gas
      </p>
      <Link
        href={`/watch/?listing=${result.contentId}`}
        className="inline-block rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
      >
        Open the listing
      </Link>
    </div>
  )
}
