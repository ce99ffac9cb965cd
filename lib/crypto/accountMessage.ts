import { type Address, getAddress } from 'viem'

/** Parameters of {@link accountMessage}. */
export type AccountMessageParameters = {
  /** Chain id of the deployment (31337 for the local anvil chain). */
  chainId: number
  /** Address of the Keyswarm contract on that chain. */
  contract: Address
}

/**
 * The fixed, human-readable message whose EIP-191 signature (`personal_sign`) yields the account
 * secret. Ask the wallet to sign exactly this string; any change of a character changes every key.
 * @example
 * const signature = await walletClient.signMessage({ account, message: accountMessage({ chainId, contract }) })
 * const m = accountSecret({ signature })
 */
export function accountMessage({ chainId, contract }: AccountMessageParameters): string {
  return [
    'Keyswarm account key',
    '',
    'Sign this message to unlock your Keyswarm purchases and listings on this device.',
    'It costs nothing and sends no transaction. Only the Keyswarm app should ask for it:',
    'whoever holds this signature can read everything you bought or listed.',
    '',
    'App: Keyswarm',
    `Chain id: ${chainId}`,
    `Contract: ${getAddress(contract)}`,
    'Version: 1',
  ].join('\n')
}
