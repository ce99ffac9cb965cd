import { chainName } from './chainName'
import { NotDeployedError } from './errors'
import { homeChain } from './homeChain'

/**
 * The error for a chain without a Keyswarm deployment, naming that chain and the one to switch to.
 * (Built here, not in errors.ts: naming the home chain reads the deployments, and errors.ts is
 * imported by code that must load without them, such as the e2e tests' chain readers.)
 */
export function notDeployedError(chainId: number): NotDeployedError {
  return new NotDeployedError(chainId, { chainName: chainName(chainId), homeName: homeChain().name })
}
