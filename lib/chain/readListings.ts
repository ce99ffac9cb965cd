import { type Address, type PublicClient, getAbiItem } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { LogCache } from './createLogCache'
import type { Deployment } from './deployments/index'
import { type ScannedLog, scanLogs } from './scanLogs'
import { type ListedListing, toListedListing } from './toListedListing'

export type { ListedListing } from './toListedListing'

/** Parameters of {@link readListings}. */
export type ReadListingsParameters = {
  deployment: Deployment
  /** Only this creator's listings. */
  creator?: Address
  /** Only this listing (the scan stops once it is found). */
  contentId?: bigint
  /** Only these listings. */
  contentIds?: readonly bigint[]
  /** Listings as they arrive, newest block range first: the catalog shows its first page before the scan ends. */
  onPage?: (listings: ListedListing[]) => void
  /** Where scanned ranges are kept (default: the page's or process's log cache); `null` for none. */
  cache?: LogCache | null
  signal?: AbortSignal
}

const listedEvent = getAbiItem({ abi: keyswarmAbi, name: 'Listed' })

/**
 * Every listing of the Keyswarm contract, read from its `Listed` events since the deployment
 * block with {@link scanLogs} (ranges that fit public endpoints, cached): the chain is the catalog.
 * Newest first, and with `onPage`, as the scan goes.
 * @example
 * const listings = await readListings(publicClient, { deployment: getDeployment(31337)!, onPage: show })
 */
export async function readListings(
  client: PublicClient,
  { deployment, creator, contentId, contentIds, onPage, cache, signal }: ReadListingsParameters,
): Promise<ListedListing[]> {
  const { logs } = await scanLogs<typeof listedEvent>(client, {
    address: deployment.keyswarm,
    event: listedEvent,
    args: { creator, contentId: contentId ?? (contentIds ? [...contentIds] : undefined) },
    fromBlock: BigInt(deployment.deployBlock),
    limit: contentId === undefined ? undefined : 1,
    onPage: onPage && ((page) => onPage(toListings(page.logs))),
    cache,
    signal,
  })
  return toListings(logs)
}

function toListings(logs: ScannedLog<typeof listedEvent>[]): ListedListing[] {
  return logs.map(toListedListing).sort((a, b) => (a.contentId < b.contentId ? 1 : -1))
}
