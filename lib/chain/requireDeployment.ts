import { type Deployment, getDeployment } from './deployments/index'
import { notDeployedError } from './notDeployedError'

/**
 * The Keyswarm deployment on `chainId`.
 * @throws NotDeployedError when Keyswarm is not deployed there.
 */
export function requireDeployment(chainId: number): Deployment {
  const deployment = getDeployment(chainId)
  if (!deployment) throw notDeployedError(chainId)
  return deployment
}
