import { afterAll, beforeAll, expect, test } from 'vitest'
import { createPublicClient, http, parseEther, recoverMessageAddress, recoverTypedDataAddress, toHex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { freePort, startAnvil } from '../../scripts/lib/startStack'
import { createDevProvider } from './createDevProvider'
import { fundDevAccount } from './fundDevAccount'

let chain: Awaited<ReturnType<typeof startAnvil>>
const privateKey = generatePrivateKey()
const address = privateKeyToAccount(privateKey).address

beforeAll(async () => {
  chain = await startAnvil({ port: await freePort() })
})
afterAll(() => chain.stop())

test('shows no account until the person connects, then the burner address', async () => {
  const provider = createDevProvider({ privateKey, chain: anvil, rpcUrl: chain.rpcUrl })
  expect(await provider.request({ method: 'eth_accounts' })).toEqual([])
  expect(await provider.request({ method: 'eth_requestAccounts' })).toEqual([address])
  expect(await provider.request({ method: 'eth_accounts' })).toEqual([address])
  await provider.request({ method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] })
  expect(await provider.request({ method: 'eth_accounts' })).toEqual([])
})

test('signs messages and typed data with the burner key', async () => {
  const provider = createDevProvider({ privateKey, chain: anvil, rpcUrl: chain.rpcUrl })
  const signature = await provider.request({ method: 'personal_sign', params: [toHex('Keyswarm'), address] })
  expect(await recoverMessageAddress({ message: 'Keyswarm', signature })).toBe(address)

  const typed = {
    domain: { name: 'Keyswarm', version: '1', chainId: anvil.id },
    types: { Receipt: [{ name: 'bytes', type: 'uint64' }] },
    primaryType: 'Receipt' as const,
    message: { bytes: 42n },
  }
  const json = JSON.stringify({ ...typed, message: { bytes: '42' } })
  const typedSignature = await provider.request({ method: 'eth_signTypedData_v4', params: [address, json] })
  expect(await recoverTypedDataAddress({ ...typed, signature: typedSignature })).toBe(address)
})

test('is funded from the anvil node and sends transactions it signed itself', async () => {
  await fundDevAccount({ address, rpcUrl: chain.rpcUrl })
  const client = createPublicClient({ chain: anvil, transport: http(chain.rpcUrl) })
  expect(await client.getBalance({ address })).toBe(parseEther('100'))

  const provider = createDevProvider({ privateKey, chain: anvil, rpcUrl: chain.rpcUrl })
  const to = privateKeyToAccount(generatePrivateKey()).address
  const hash = await provider.request({
    method: 'eth_sendTransaction',
    params: [{ from: address, to, value: toHex(parseEther('1')) }],
  })
  const receipt = await client.waitForTransactionReceipt({ hash })
  expect(receipt.status).toBe('success')
  expect(receipt.from.toLowerCase()).toBe(address.toLowerCase())
  expect(await client.getBalance({ address: to })).toBe(parseEther('1'))
})

test('refuses to switch to another chain, with the EIP-1193 code for it', async () => {
  const provider = createDevProvider({ privateKey, chain: anvil, rpcUrl: chain.rpcUrl })
  await expect(provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x1' }] })).rejects.toMatchObject({
    code: 4902,
  })
  await expect(
    provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: toHex(anvil.id) }] }),
  ).resolves.toBeNull()
})
