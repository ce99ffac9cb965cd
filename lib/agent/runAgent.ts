import type { Account, Chain, PublicClient, Transport, WalletClient } from 'viem'
import type { Deployment } from '../chain/deployments/index'
import type { ListingSecret } from '../purchases/types'
import { type DeliverPendingReturnType, deliverPending } from './deliverPending'

/** Parameters of {@link runAgent}. */
export type RunAgentParameters = {
  deployment: Deployment
  /** Read again every round, so listings published meanwhile are served. */
  listings: () => Promise<readonly ListingSecret[]> | readonly ListingSecret[]
  /** Milliseconds between rounds (default 1000). */
  interval?: number
  signal: AbortSignal
  tamper?: boolean
  onDelivered?: (round: DeliverPendingReturnType) => void
  /** A round failed; the agent keeps going and tries again next round. */
  onError?: (error: unknown) => void
}

/**
 * The delivery agent's loop, the same in a creator's tab and in `npm run agent`: every
 * `interval` ms, delivers whatever purchases of the creator's listings are waiting, in one batch.
 * Resolves when `signal` aborts.
 */
export async function runAgent(
  publicClient: PublicClient,
  walletClient: WalletClient<Transport, Chain | undefined, Account>,
  { deployment, listings, interval = 1000, signal, tamper, onDelivered, onError }: RunAgentParameters,
): Promise<void> {
  while (!signal.aborted) {
    try {
      const round = await deliverPending(publicClient, walletClient, { deployment, listings: await listings(), tamper })
      if (round.delivered.length > 0) onDelivered?.(round)
    } catch (error) {
      onError?.(error)
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, interval)
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
    })
  }
}
