import { type PublicClient, getAbiItem } from 'viem'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { type LogPage, type ScannedLog, scanLogs } from './scanLogs'

const libraryEvents = [
  getAbiItem({ abi: keyswarmAbi, name: 'Listed' }),
  getAbiItem({ abi: keyswarmAbi, name: 'Purchased' }),
  getAbiItem({ abi: keyswarmAbi, name: 'SourcesChanged' }),
  getAbiItem({ abi: keyswarmAbi, name: 'Settled' }),
] as const

/** One of the events /library is made of: `Listed`, `Purchased`, `SourcesChanged` or `Settled`. */
export type LibraryLog = ScannedLog<(typeof libraryEvents)[number]>

/** Parameters of {@link scanLibraryEvents}. */
export type ScanLibraryEventsParameters = {
  deployment: Deployment
  /** Each block range as it is read, newest first. */
  onPage?: (page: LogPage<(typeof libraryEvents)[number]>) => void
  signal?: AbortSignal
}

/**
 * Everything /library reads from logs, in one ranged scan ({@link scanLogs}, cached): every
 * `Listed`, `Purchased`, `SourcesChanged` and `Settled` event of the deployment, newest first.
 * A creator's listings and sales, a buyer's purchases and their listings, the sources in effect
 * and which sales were settled are then filters over the same logs, not four more scans.
 */
export async function scanLibraryEvents(
  client: PublicClient,
  { deployment, onPage, signal }: ScanLibraryEventsParameters,
): Promise<LibraryLog[]> {
  const { logs } = await scanLogs(client, {
    address: deployment.keyswarm,
    event: libraryEvents,
    fromBlock: BigInt(deployment.deployBlock),
    onPage,
    signal,
  })
  return logs
}
