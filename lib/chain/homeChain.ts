import type { Chain } from 'viem'
import { appConfig } from '../config'
import { getDeployment } from './deployments/index'

/**
 * The chain to send a wallet to when Keyswarm is not deployed where it is: the first of the app's
 * chains that has a deployment, else the app's default chain.
 */
export function homeChain(): Chain {
  return appConfig.chains.find((chain) => getDeployment(chain.id)) ?? appConfig.chains[0]
}
