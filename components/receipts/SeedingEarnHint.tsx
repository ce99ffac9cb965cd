'use client'

import Link from 'next/link'
import { useAccount } from 'wagmi'
import { useMounted } from '@/components/ui/useMounted'

/** Props of {@link SeedingEarnHint}. */
export type SeedingEarnHintProps = {
  /**
   * The share of each sale a listing pays its seeders, in basis points, where the hint stands beside
   * one listing (its watch page); omitted where it speaks of every paid file (/library).
   */
  seedShareBps?: number
  /** Whether the page is /library itself (no link to it then). */
  inLibrary?: boolean
}

/**
 * Where seeding happens, says what it earns: with no wallet connected, "Connect a wallet to earn"
 * (this tab seeds anyway, and buyers pay seeders only at a payout address); with one, which wallet
 * seeding pays and where the earnings show. Nothing for a listing that pays seeders nothing.
 */
export function SeedingEarnHint({ seedShareBps, inLibrary = false }: SeedingEarnHintProps) {
  const mounted = useMounted()
  const { address } = useAccount()
  // The wallet is only known in the browser: nothing at prerender.
  if (!mounted || seedShareBps === 0) return null
  const share = seedShareBps === undefined ? 'a share of their sale' : `${seedShareBps / 100}% of the price`
  if (!address)
    return (
      <p className="text-sm text-amber-700 dark:text-amber-400" data-testid="seeding-earn-hint">
        Connect a wallet to earn from seeding:{' '}
        {seedShareBps === undefined
          ? 'buyers of paid files you seed'
          : 'this tab seeds what it holds of this file, and its next buyers'}{' '}
        pay your wallet {share}, shared by the bytes each seeder sent them.
      </p>
    )
  if (inLibrary || seedShareBps === undefined) return null
  return (
    <p className="text-sm text-zinc-500" data-testid="seeding-earn-payee" data-payee={address}>
      Seeding this file earns <span className="font-mono">{address}</span> part of {seedShareBps / 100}% of each next
      sale, by the bytes this tab sends the buyer; see{' '}
      <Link href="/library/" className="text-indigo-600 hover:underline dark:text-indigo-400">
        Earnings in your library
      </Link>
      .
    </p>
  )
}
