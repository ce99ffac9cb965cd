'use client'

import type { TorrentStatus } from '@/lib/torrent/getTorrentStatus'
import { PiecesBar } from './PiecesBar'
import { SwarmSources } from './SwarmSources'
import { formatBytes } from './formatBytes'
import { formatDuration } from './formatDuration'

/** Props of {@link TorrentStatusPanel}. */
export type TorrentStatusPanelProps = {
  status: TorrentStatus
  /** "Try again", offered once the torrent stopped with an error (not when it was removed). */
  onRetry?: () => void
}

/**
 * What is happening with a torrent: progress, peers, speeds, time left, which pieces are here,
 * and, when nothing moves, why.
 */
export function TorrentStatusPanel({ status, onRetry }: TorrentStatusPanelProps) {
  const percent = Math.floor(status.progress * 1000) / 10
  const piecesHere = status.pieces.reduce((sum, have) => sum + have, 0) / (255 * Math.max(1, status.pieces.length))
  return (
    <section
      aria-label="Torrent status"
      data-testid="torrent-status"
      data-progress={status.progress}
      data-done={status.done}
      data-peers={status.numPeers}
      className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium">
          {status.done
            ? 'Complete — seeding'
            : status.hasMetadata
              ? `Downloading ${percent}%`
              : 'Getting the file list'}
        </span>
        <span className="text-zinc-500">
          {formatBytes(status.downloaded)} of {status.hasMetadata ? formatBytes(status.length) : '?'}
        </span>
      </div>
      {status.hasMetadata && (
        <PiecesBar pieces={status.pieces} label={`${Math.round(piecesHere * 100)}% of the pieces are here`} />
      )}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-4">
        <Figure term="Peers" value={String(status.numPeers)} testId="peers" />
        <Figure term="Download" value={`${formatBytes(status.downloadSpeed)}/s`} testId="download-speed" />
        <Figure term="Upload" value={`${formatBytes(status.uploadSpeed)}/s`} testId="upload-speed" />
        <Figure
          term="Time left"
          value={status.done ? 'done' : formatDuration(status.timeRemaining)}
          testId="time-left"
        />
      </dl>
      <SwarmSources swarm={status.swarm} />
      {status.stall && (
        <p
          role="status"
          data-testid="stall"
          className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
        >
          {status.stall}
        </p>
      )}
      {onRetry && status.error && status.destroyed && !status.removed && (
        <button
          type="button"
          onClick={onRetry}
          data-testid="retry"
          className="rounded-lg border border-zinc-300 px-3 py-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Try again
        </button>
      )}
    </section>
  )
}

function Figure({ term, value, testId }: { term: string; value: string; testId: string }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500">{term}</dt>
      <dd className="font-mono tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  )
}
