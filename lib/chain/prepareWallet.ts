import type { Address } from 'viem'
import type { Config } from 'wagmi'
import { getAccount, switchChain } from 'wagmi/actions'
import { WalletNotConnectedError, WalletNotInstalledError } from './errors'

/** Parameters of {@link prepareWallet}. */
export type PrepareWalletParameters = { chainId: number }

/**
 * The checks before any write: a wallet is there and connected, and on `chainId` (asks the wallet
 * to switch when it is not). Returns the connected account.
 * @throws WalletNotInstalledError, WalletNotConnectedError, or the wallet's refusal to switch.
 */
export async function prepareWallet(config: Config, { chainId }: PrepareWalletParameters): Promise<Address> {
  const account = getAccount(config)
  if (!account.address) {
    if (typeof window !== 'undefined' && !(window as { ethereum?: unknown }).ethereum && config.connectors.length === 0)
      throw new WalletNotInstalledError()
    throw new WalletNotConnectedError()
  }
  if (account.chainId !== chainId) await switchChain(config, { chainId })
  return account.address
}
