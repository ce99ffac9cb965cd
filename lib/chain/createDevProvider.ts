import {
  type Chain,
  type EIP1193Provider,
  type Hex,
  type TransactionRequest,
  createPublicClient,
  createWalletClient,
  hexToBigInt,
  http,
  numberToHex,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { ProviderRpcError } from './errors'

export type CreateDevProviderParameters = {
  /** The burner key; never leaves the browser. */
  privateKey: Hex
  /** The local chain (anvil); the provider refuses to switch elsewhere. */
  chain: Chain
  rpcUrl: string
  /**
   * Remembers whether the person connected this wallet (as a wallet remembers a site's permission),
   * so `eth_accounts` stays empty until they do. In memory when not given.
   */
  permission?: { get: () => boolean; set: (allowed: boolean) => void }
}

type Listener = (...args: unknown[]) => void
type RpcTransaction = { from?: Hex; to?: Hex; data?: Hex; value?: Hex; gas?: Hex; nonce?: Hex }

/**
 * An EIP-1193 provider for a burner key on the local chain: it signs in the page with viem and
 * sends everything else to the chain's RPC. RainbowKit offers it as the "Dev wallet" so a person
 * without MetaMask can use the app against `npm start`.
 */
export function createDevProvider({
  privateKey,
  chain,
  rpcUrl,
  permission = inMemoryPermission(),
}: CreateDevProviderParameters): EIP1193Provider {
  const account = privateKeyToAccount(privateKey)
  const transport = http(rpcUrl)
  const publicClient = createPublicClient({ chain, transport })
  const walletClient = createWalletClient({ account, chain, transport })
  const listeners = new Map<string, Set<Listener>>()

  async function request({ method, params }: { method: string; params?: unknown }): Promise<unknown> {
    const args = (params ?? []) as unknown[]
    switch (method) {
      case 'eth_accounts':
        return permission.get() ? [account.address] : []
      case 'eth_requestAccounts':
        permission.set(true)
        return [account.address]
      case 'wallet_revokePermissions':
        permission.set(false)
        return null
      case 'eth_chainId':
        return numberToHex(chain.id)
      case 'net_version':
        return String(chain.id)
      case 'wallet_switchEthereumChain': {
        const [{ chainId }] = args as [{ chainId: Hex }]
        if (Number(chainId) !== chain.id)
          throw new ProviderRpcError(4902, `The dev wallet only works on the local chain (${chain.id}).`)
        return null
      }
      case 'wallet_requestPermissions':
        permission.set(true)
        return [{ parentCapability: 'eth_accounts' }]
      case 'wallet_getPermissions':
        return permission.get() ? [{ parentCapability: 'eth_accounts' }] : []
      case 'personal_sign': {
        const [data] = args as [Hex]
        return account.signMessage({ message: { raw: data } })
      }
      case 'eth_signTypedData_v4': {
        const [, json] = args as [Hex, string]
        return account.signTypedData(JSON.parse(json))
      }
      case 'eth_sendTransaction': {
        const [tx] = args as [RpcTransaction]
        const request: TransactionRequest = {
          to: tx.to,
          data: tx.data,
          value: tx.value ? hexToBigInt(tx.value) : undefined,
          gas: tx.gas ? hexToBigInt(tx.gas) : undefined,
          nonce: tx.nonce ? Number(tx.nonce) : undefined,
        }
        return walletClient.sendTransaction({ ...request, account, chain } as Parameters<
          typeof walletClient.sendTransaction
        >[0])
      }
      default:
        return publicClient.request({ method, params } as never)
    }
  }

  return {
    request: request as EIP1193Provider['request'],
    on: ((event: string, listener: Listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set())
      listeners.get(event)!.add(listener)
    }) as EIP1193Provider['on'],
    removeListener: ((event: string, listener: Listener) => {
      listeners.get(event)?.delete(listener)
    }) as EIP1193Provider['removeListener'],
  }
}

function inMemoryPermission() {
  let allowed = false
  return { get: () => allowed, set: (value: boolean) => void (allowed = value) }
}
