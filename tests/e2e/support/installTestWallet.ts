/**
 * An EIP-1193 wallet that Playwright injects into pages before any script runs, so tests go through
 * the same injected-connector path MetaMask does: `window.ethereum` plus an EIP-6963 announcement.
 * Signing and sending are done by the anvil node itself (its dev accounts are unlocked).
 *
 * It runs inside the page: it must not close over anything (Playwright serializes it).
 * `window.__testWallet` lets a test act as the person in front of the wallet:
 * `rejectNext()` refuses the next request that needs approval (`rejectNext('eth_sendTransaction')`: the next
 * request of that method, approving the others), `switchChain(id)` changes network.
 */
export type TestWalletOptions = { rpcUrl: string; address: string; chainId: number }

export function installTestWallet({ rpcUrl, address, chainId: initialChainId }: TestWalletOptions) {
  type Listener = (...args: unknown[]) => void
  const listeners = new Map<string, Set<Listener>>()
  const emit = (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((listener) => listener(...args))
  const needsApproval = new Set([
    'eth_requestAccounts',
    'wallet_requestPermissions',
    'wallet_switchEthereumChain',
    'wallet_addEthereumChain',
    'personal_sign',
    'eth_signTypedData_v4',
    'eth_sendTransaction',
    'wallet_watchAsset',
  ])
  let chainId = initialChainId
  // Like a real wallet, it remembers that this site may see the account (per origin, across reloads).
  const permissionKey = '__testWallet.connected'
  let connected = localStorage.getItem(permissionKey) === address
  // true: the next request that needs approval; a method name: the next request of that method.
  let rejectNext: boolean | string = false
  let rpcId = 0

  class RpcError extends Error {
    constructor(
      readonly code: number,
      message: string,
      readonly data?: unknown,
    ) {
      super(message)
    }
  }

  async function rpc(method: string, params: unknown) {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params: params ?? [] }),
    })
    const body = await response.json()
    if (body.error) throw new RpcError(body.error.code, body.error.message, body.error.data)
    return body.result
  }

  async function request({ method, params }: { method: string; params?: unknown[] }) {
    if (needsApproval.has(method) && (rejectNext === true || rejectNext === method)) {
      rejectNext = false
      throw new RpcError(4001, 'User rejected the request.')
    }
    switch (method) {
      case 'eth_requestAccounts':
        if (!connected) {
          connected = true
          localStorage.setItem(permissionKey, address)
          emit('connect', { chainId: `0x${chainId.toString(16)}` })
          emit('accountsChanged', [address])
        }
        return [address]
      case 'eth_accounts':
        return connected ? [address] : []
      case 'eth_chainId':
        return `0x${chainId.toString(16)}`
      case 'net_version':
        return String(chainId)
      case 'wallet_requestPermissions':
        connected = true
        localStorage.setItem(permissionKey, address)
        return [{ parentCapability: 'eth_accounts' }]
      case 'wallet_getPermissions':
        return connected ? [{ parentCapability: 'eth_accounts' }] : []
      case 'wallet_revokePermissions':
        connected = false
        localStorage.removeItem(permissionKey)
        emit('accountsChanged', [])
        return null
      case 'wallet_switchEthereumChain': {
        const next = Number((params?.[0] as { chainId: string }).chainId)
        if (next !== initialChainId && next !== 1) throw new RpcError(4902, `Unrecognized chain ID ${next}.`)
        if (next !== chainId) {
          chainId = next
          emit('chainChanged', `0x${next.toString(16)}`)
        }
        return null
      }
      case 'wallet_addEthereumChain':
      case 'wallet_watchAsset':
        return null
      default:
        if (chainId !== initialChainId && (method === 'eth_sendTransaction' || method.startsWith('eth_sign')))
          throw new RpcError(4901, `The test wallet is on chain ${chainId}, which it cannot reach.`)
        return rpc(method, params)
    }
  }

  const provider = {
    isMetaMask: false,
    request,
    on: (event: string, listener: Listener) => {
      if (!listeners.has(event)) listeners.set(event, new Set())
      listeners.get(event)!.add(listener)
      return provider
    },
    removeListener: (event: string, listener: Listener) => {
      listeners.get(event)?.delete(listener)
      return provider
    },
  }

  const info = Object.freeze({
    uuid: '5d0f1a04-9c3e-4d51-9d0c-7c1f6e0b2a11',
    name: 'Test Wallet',
    rdns: 'dev.keyswarm.testwallet',
    icon: 'data:image/svg+xml;utf8,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 32 32%22%3E%3Crect width=%2232%22 height=%2232%22 rx=%226%22 fill=%22%2310b981%22/%3E%3C/svg%3E',
  })
  const announce = () =>
    window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }))
  window.addEventListener('eip6963:requestProvider', announce)
  announce()
  Object.defineProperty(window, 'ethereum', { value: provider, configurable: true })
  Object.defineProperty(window, '__testWallet', {
    value: {
      address,
      rejectNext: (method?: string) => {
        rejectNext = method ?? true
      },
      switchChain: (id: number) => {
        chainId = id
        emit('chainChanged', `0x${id.toString(16)}`)
      },
    },
  })
}
