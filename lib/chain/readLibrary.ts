import type { Address, PublicClient } from 'viem'
import type { Deployment } from './deployments/index'
import { type BuyerPurchase, readBuyerPurchases } from './readBuyerPurchases'
import { type CreatorBalance, readCreatorBalances } from './readCreatorBalances'
import { type CreatorListing, readCreatorListings } from './readCreatorListings'
import { type LibraryLog, scanLibraryEvents } from './scanLibraryEvents'

/** What /library knows of the chain so far. */
export type LibrarySnapshot = {
  /** The creator's listings read so far, newest first, each with all its sales. */
  listings: CreatorListing[]
  balances: CreatorBalance[]
  /** The buyer's purchases read so far (and those named), newest first. */
  purchases: BuyerPurchase[]
  /** Whether the scan reached the deployment block: nothing older is still to come. */
  done: boolean
}

/** Parameters of {@link readLibrary}. */
export type ReadLibraryParameters = {
  deployment: Deployment
  /** Whose listings and sales to read. */
  creator?: Address
  /** Whose purchases to read. */
  buyer?: Address
  /** Purchases known some other way (kept on this device). */
  purchaseIds?: readonly bigint[]
  /** Each snapshot while older block ranges are still being read (not the last one, which is returned). */
  onProgress?: (snapshot: LibrarySnapshot) => void
  /**
   * Milliseconds before the first round of state reads while the scan goes on (default 300); the
   * wait doubles after each round, up to 2 s: the first listings show at once, and a long scan
   * costs a few rounds (each a request the endpoint's rate counts), not one every 300 ms.
   */
  interval?: number
  signal?: AbortSignal
}

/**
 * /library's chain reads, newest first and as they arrive: one ranged, cached scan of the
 * deployment's /library events ({@link scanLibraryEvents}) shared by the creator's and the buyer's
 * parts, and Multicall3 rounds for the state of what each new block range brought (each round
 * reads only listings, purchases and balances not read before, the creator's in one batch: a round
 * is one `eth_call` while it fits one). A listing shows complete: its sales,
 * settlements and source changes are all newer than it, so the scan has passed them already.
 * @throws LogScanError when the scan fails; snapshots given to `onProgress` stay valid.
 */
export async function readLibrary(
  client: PublicClient,
  { deployment, creator, buyer, purchaseIds = [], onProgress, interval = 300, signal }: ReadLibraryParameters,
): Promise<LibrarySnapshot> {
  if (!creator && !buyer && purchaseIds.length === 0) return { listings: [], balances: [], purchases: [], done: true }
  const memo = new Map<string, unknown>()
  const logs: LibraryLog[] = []
  const read = async (): Promise<Omit<LibrarySnapshot, 'done'>> => {
    const known = logs.slice()
    const [listings, purchases] = await Promise.all([
      creator ? readCreatorListings(client, { deployment, creator, logs: known, memo, signal }) : [],
      buyer || purchaseIds.length > 0
        ? readBuyerPurchases(client, { deployment, buyer, purchaseIds, logs: known, memo, signal })
        : [],
    ])
    const balances =
      creator && listings.length > 0 ? await readCreatorBalances(client, { deployment, creator, listings, memo }) : []
    return { listings, balances, purchases }
  }

  const own = { creator: creator?.toLowerCase(), buyer: buyer?.toLowerCase() }
  const bought = new Set<bigint>()
  let round: Promise<void> | undefined
  let wait = interval
  let again = false
  let roundError: unknown
  let scanned = false
  // Ends a round's pause when the scan is done: the last read, below, must not wait it out.
  let scanDone: () => void = () => {}
  const scanEnded = new Promise<void>((resolve) => (scanDone = resolve))
  const pump = () => {
    if (!onProgress || roundError !== undefined) return
    if (round) return void (again = true)
    round = (async () => {
      do {
        again = false
        let timer: ReturnType<typeof setTimeout> | undefined
        await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, wait))), scanEnded])
        clearTimeout(timer)
        wait = Math.min(Math.max(wait * 2, interval), 2000)
        if (scanned) break // The last round, below, reads everything anyway.
        const snapshot = await read()
        if (!signal?.aborted) onProgress({ ...snapshot, done: false })
      } while (again)
    })()
      // A failed round only delays the view: the last round, after the scan, reads again and throws.
      .catch((error: unknown) => void (roundError = error))
      .finally(() => (round = undefined))
  }

  try {
    await scanLibraryEvents(client, {
      deployment,
      signal,
      onPage: ({ logs: page }) => {
        let relevant = false
        for (const log of page) {
          logs.push(log)
          if (log.eventName === 'Purchased' && log.args.buyer!.toLowerCase() === own.buyer) {
            bought.add(log.args.contentId!)
            relevant = true
          } else if (
            log.eventName === 'Listed' &&
            (log.args.creator!.toLowerCase() === own.creator || bought.has(log.args.contentId!))
          )
            relevant = true
        }
        if (relevant) pump()
      },
    })
  } finally {
    scanned = true
    scanDone()
  }
  await round
  return { ...(await read()), done: true }
}
