import type { Config } from 'wagmi'
import type { Deployment } from './deployments/index'
import { prepareWallet } from './prepareWallet'
import { type WriteAndWaitReturnType, writeAndWait } from './writeAndWait'

/** Parameters of {@link setListingPrice}. */
export type SetListingPriceParameters = {
  deployment: Deployment
  contentId: bigint
  /** In the listing token's smallest unit (wei for ETH). Purchases already made keep their price. */
  price: bigint
}

/**
 * Changes the price of a listing for future purchases (`setPrice`); only its creator may.
 * @throws the wallet's refusal, or a revert `describeContractError` puts in words (not the creator, free listing, too large).
 */
export async function setListingPrice(
  config: Config,
  { deployment, contentId, price }: SetListingPriceParameters,
): Promise<WriteAndWaitReturnType> {
  await prepareWallet(config, { chainId: deployment.chainId })
  return writeAndWait(config, { deployment, functionName: 'setPrice', args: [contentId, price], what: 'price change' })
}
