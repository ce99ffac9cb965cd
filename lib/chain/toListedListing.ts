import type { keyswarmAbi } from './abi/keyswarmAbi'
import type { ListedListing } from './readListings'
import type { ScannedLog } from './scanLogs'

type ListedEvent = Extract<(typeof keyswarmAbi)[number], { type: 'event'; name: 'Listed' }>

/** A listing as its decoded `Listed` log announced it (see {@link ListedListing}). */
export function toListedListing(
  log: Pick<ScannedLog<ListedEvent>, 'args' | 'blockNumber' | 'transactionHash'>,
): ListedListing {
  const { contentId, creator, params } = log.args as Required<typeof log.args>
  return {
    contentId,
    creator,
    infoHash: params.infoHash.slice(2).toLowerCase(),
    size: params.size,
    token: params.token,
    price: params.price,
    seedShareBps: params.seedShareBps,
    keyHash: params.keyHash,
    delivery: { x: params.deliveryX, y: params.deliveryY },
    title: params.title,
    description: params.description,
    trackers: params.trackers,
    webSeeds: params.webSeeds,
    blockNumber: log.blockNumber,
    transactionHash: log.transactionHash,
  }
}
