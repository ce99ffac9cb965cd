import type { Address, Hash, Hex } from 'viem'
import type { keyswarmAbi } from './abi/keyswarmAbi'
import type { ScannedLog } from './scanLogs'

/** A listing as its `Listed` event announced it, with where and when it was listed. */
export type ListedListing = {
  contentId: bigint
  creator: Address
  /** 40 lowercase hex digits, no 0x: the form WebTorrent uses. */
  infoHash: string
  size: bigint
  token: Address
  /** The price at listing time; read `listings(contentId)` for the current one. */
  price: bigint
  seedShareBps: number
  keyHash: Hex
  delivery: { x: bigint; y: bigint }
  title: string
  description: string
  trackers: readonly string[]
  webSeeds: readonly string[]
  blockNumber: bigint
  transactionHash: Hash
}

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
