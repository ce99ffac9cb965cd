'use client'

import { useDeployment } from '@/components/chain/useDeployment'
import { type FormEvent, useState } from 'react'
import { zeroAddress } from 'viem'
import { useAccount } from 'wagmi'
import { formatBytes } from '@/components/torrent/formatBytes'
import { parsePrice } from '@/lib/chain/parsePrice'
import { parseSources } from '@/lib/chain/parseSources'
import { tokenUnit } from '@/lib/chain/tokenUnit'
import type { PublishStage } from '@/lib/publish/publishListing'
import { PublishResult } from './PublishResult'
import { useCover } from './useCover'
import { usePublish } from './usePublish'

const stageText: Record<PublishStage, string> = {
  sign: 'Sign the account message in your wallet (once per device): your keys derive from it.',
  encrypt: 'Encrypting your files in this tab…',
  seed: 'Creating the torrent and seeding it from this tab…',
  list: 'Confirm the listing transaction in your wallet…',
  agent: 'Authorize this tab’s delivery agent and give it a little gas money (first time only)…',
  done: 'Listed.',
}

const field = 'mt-1 w-full rounded-lg border border-zinc-300 bg-transparent px-3 py-2 text-sm dark:border-zinc-700'

/**
 * The /publish form: files, free or paid, title, description, cover image, price and currency,
 * seeder share, extra trackers and web seeds; then the result.
 */
export function PublishForm() {
  const { isConnected } = useAccount()
  const { publish, refuse, stage, progress, result, error, busy } = usePublish()
  const cover = useCover()
  const [files, setFiles] = useState<File[]>([])
  const [free, setFree] = useState(false)
  const deployment = useDeployment()

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const currency = String(data.get('currency') ?? 'eth')
    const token = free
      ? zeroAddress
      : currency === 'stablecoin' && deployment.stablecoin
        ? deployment.stablecoin
        : zeroAddress
    let price = 0n
    let trackers: string[]
    let webSeeds: string[]
    try {
      if (!free) price = parsePrice({ text: String(data.get('price') ?? ''), unit: tokenUnit(token, deployment) })
      trackers = parseSources(String(data.get('trackers') ?? ''), 'tracker')
      webSeeds = parseSources(String(data.get('webSeeds') ?? ''), 'web seed')
    } catch (e) {
      return refuse(e)
    }
    if (cover.error) return refuse(new Error(cover.error))
    void publish({
      files,
      free,
      title: String(data.get('title') ?? '').trim(),
      description: String(data.get('description') ?? '').trim(),
      price,
      token,
      seedShareBps: free ? 0 : Math.round(Number(data.get('seedShare') || 0) * 100),
      cover: cover.file,
      trackers,
      webSeeds,
    })
  }

  if (result) return <PublishResult result={result} />
  return (
    <form onSubmit={onSubmit} className="max-w-xl space-y-4" aria-label="Publish files">
      <label className="block text-sm font-medium">
        Files
        <input
          type="file"
          multiple
          required
          data-testid="publish-files"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
          className={field}
        />
      </label>
      {files.length > 0 && (
        <p className="text-sm text-zinc-500">
          {files.length} file{files.length > 1 ? 's' : ''}, {formatBytes(files.reduce((s, f) => s + f.size, 0))}
        </p>
      )}
      <fieldset className="text-sm">
        <legend className="font-medium">Access</legend>
        <div className="mt-1 flex gap-4">
          <label className="flex items-center gap-2">
            <input type="radio" name="access" value="paid" checked={!free} onChange={() => setFree(false)} />
            Paid: encrypted, unlocked on chain
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="access" value="free" checked={free} onChange={() => setFree(true)} />
            Free: anyone plays it, no wallet needed
          </label>
        </div>
      </fieldset>
      <label className="block text-sm font-medium">
        Title
        <input name="title" required maxLength={200} className={field} />
      </label>
      <label className="block text-sm font-medium">
        Description
        <textarea name="description" rows={3} maxLength={2000} className={field} />
      </label>
      <div className="flex items-start gap-4">
        <label className="block flex-1 text-sm font-medium">
          Cover image (optional, shown to everyone before buying)
          <input
            type="file"
            accept="image/*"
            data-testid="publish-cover"
            onChange={(e) => void cover.pick(e.target.files?.[0])}
            className={field}
          />
        </label>
        {cover.preview && (
          // eslint-disable-next-line @next/next/no-img-element -- a local object URL of the cover just made in this tab
          <img
            src={cover.preview}
            alt="Cover preview"
            data-testid="cover-preview"
            data-size={cover.file?.size}
            className="h-24 w-auto rounded-lg border border-zinc-200 object-cover dark:border-zinc-800"
          />
        )}
      </div>
      {cover.making && <p className="text-sm text-zinc-500">Preparing the cover…</p>}
      {cover.error && (
        <p role="alert" data-testid="cover-error" className="text-sm text-red-700 dark:text-red-300">
          {cover.error}
        </p>
      )}
      {!free && (
        <div className="flex gap-3">
          <label className="block flex-1 text-sm font-medium">
            Price
            <input name="price" required inputMode="decimal" defaultValue="0.01" className={field} />
          </label>
          <label className="block text-sm font-medium">
            Currency
            <select name="currency" className={field} defaultValue="eth">
              <option value="eth">ETH</option>
              {deployment.stablecoin && <option value="stablecoin">mUSD (stablecoin)</option>}
            </select>
          </label>
          <label className="block w-32 text-sm font-medium">
            Seeder share %
            <input name="seedShare" type="number" min={0} max={100} step={1} defaultValue={10} className={field} />
          </label>
        </div>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">Trackers and web seeds (optional)</summary>
        <label className="mt-2 block font-medium">
          Extra trackers
          <textarea name="trackers" rows={2} placeholder="wss://tracker.example.org (one per line)" className={field} />
        </label>
        <label className="mt-2 block font-medium">
          Web seeds
          <textarea
            name="webSeeds"
            rows={2}
            placeholder="https://cdn.example.org/files/ (one per line)"
            className={field}
          />
        </label>
        <p className="mt-1 text-xs text-zinc-500">
          Browsers reach WebSocket trackers only (ws:// or wss://); name a Nostr relay where peers also meet as
          nostr+wss://relay.example. Web seeds are HTTP servers holding the torrent’s
          files (for a paid listing, the ciphertext), so it stays available when no browser seeds.
        </p>
      </details>
      <button
        type="submit"
        disabled={busy || files.length === 0 || !isConnected || cover.making}
        className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
      >
        Publish and list
      </button>
      {!isConnected && <p className="text-sm text-zinc-500">Connect your wallet to publish.</p>}
      {stage && stage !== 'done' && (
        <p role="status" data-testid="publish-stage" className="text-sm text-zinc-600 dark:text-zinc-400">
          {stageText[stage]}
          {stage === 'encrypt' && progress && ` ${Math.floor((progress.done / Math.max(1, progress.total)) * 100)}%`}
        </p>
      )}
      {error && (
        <p
          role="alert"
          data-testid="publish-error"
          className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-200"
        >
          {error}
        </p>
      )}
    </form>
  )
}
