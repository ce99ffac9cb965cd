'use client'

import { type FormEvent, useState } from 'react'
import { parseUnits, zeroAddress } from 'viem'
import { useAccount } from 'wagmi'
import { formatBytes } from '@/components/torrent/formatBytes'
import { requireDeployment } from '@/lib/chain/requireDeployment'
import { appConfig } from '@/lib/config'
import type { PublishStage } from '@/lib/publish/publishListing'
import { PublishResult } from './PublishResult'
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

/** The /publish form: files, title, description, price and currency, seeder share; then the result. */
export function PublishForm() {
  const { isConnected } = useAccount()
  const { publish, stage, progress, result, error, busy } = usePublish()
  const [files, setFiles] = useState<File[]>([])
  const deployment = requireDeployment(appConfig.chains[0].id)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const currency = String(data.get('currency'))
    const token = currency === 'stablecoin' && deployment.stablecoin ? deployment.stablecoin : zeroAddress
    const price = parseUnits(String(data.get('price') || '0'), token === zeroAddress ? 18 : 6)
    void publish({
      files,
      title: String(data.get('title') ?? '').trim(),
      description: String(data.get('description') ?? '').trim(),
      price,
      token,
      seedShareBps: Math.round(Number(data.get('seedShare') || 0) * 100),
    })
  }

  if (result) return <PublishResult result={result} />
  return (
    <form onSubmit={onSubmit} className="max-w-xl space-y-4" aria-label="Publish paid files">
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
      <label className="block text-sm font-medium">
        Title
        <input name="title" required maxLength={200} className={field} />
      </label>
      <label className="block text-sm font-medium">
        Description
        <textarea name="description" rows={3} maxLength={2000} className={field} />
      </label>
      <div className="flex gap-3">
        <label className="block flex-1 text-sm font-medium">
          Price
          <input
            name="price"
            required
            inputMode="decimal"
            pattern="[0-9]*[.]?[0-9]*"
            defaultValue="0.01"
            className={field}
          />
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
      <button
        type="submit"
        disabled={busy || files.length === 0 || !isConnected}
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
