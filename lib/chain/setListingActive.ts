import type { Config } from 'wagmi'
import type { Deployment } from './deployments/index'
import { prepareWallet } from './prepareWallet'
import { type WriteAndWaitReturnType, writeAndWait } from './writeAndWait'

/** Parameters of {@link setListingActive}. */
export type SetListingActiveParameters = {
  deployment: Deployment
  contentId: bigint
  /** False pauses sales, true resumes them. Purchases already made are unaffected either way. */
  active: boolean
}

/**
 * Pauses or resumes sales of a listing (`setActive`); only its creator may.
 * @throws the wallet's refusal, or a revert `describeContractError` puts in words.
 */
export async function setListingActive(
  config: Config,
  { deployment, contentId, active }: SetListingActiveParameters,
): Promise<WriteAndWaitReturnType> {
  await prepareWallet(config, { chainId: deployment.chainId })
  return writeAndWait(config, {
    deployment,
    functionName: 'setActive',
    args: [contentId, active],
    what: active ? 'resume' : 'pause',
  })
}
