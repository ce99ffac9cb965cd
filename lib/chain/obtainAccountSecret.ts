import type { Address, Hex } from 'viem'
import type { Config } from 'wagmi'
import { signMessage } from 'wagmi/actions'
import { accountMessage, accountSecret } from '@/lib/crypto'
import type { Keystore } from '@/lib/keystore/Keystore'
import type { Deployment } from './deployments/index'

/** Parameters of {@link obtainAccountSecret}. */
export type ObtainAccountSecretParameters = { deployment: Deployment; account: Address }

/**
 * The account secret `m` of `account`: cached on this device, or derived from one signature of
 * the fixed account message (deterministic wallets give the same `m` on every device).
 */
export async function obtainAccountSecret(
  config: Config,
  keystore: Keystore,
  { deployment, account }: ObtainAccountSecretParameters,
): Promise<Hex> {
  const { chainId } = deployment
  const cached = await keystore.loadAccountSecret({ chainId, account })
  if (cached) return cached
  const message = accountMessage({ chainId, contract: deployment.keyswarm })
  const signature = await signMessage(config, { account, message })
  const secret = accountSecret({ signature })
  await keystore.saveAccountSecret({ chainId, account, secret })
  return secret
}
