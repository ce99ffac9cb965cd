import { afterEach, expect, test, vi } from 'vitest'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
})

test('takes an RPC URL per chain from NEXT_PUBLIC_RPC_URLS at build time', async () => {
  vi.stubEnv('NEXT_PUBLIC_RPC_URLS', '84532=https://sepolia.example/v2/key, 8453=https://base.example')
  const { appConfig } = await import('./config')
  expect(appConfig.rpcUrls).toEqual({ 84532: ['https://sepolia.example/v2/key'], 8453: ['https://base.example'] })
})

test('a chain named again gets a fallback URL, tried after the first', async () => {
  vi.stubEnv('NEXT_PUBLIC_RPC_URLS', '84532=https://a.example,84532=https://b.example')
  const { appConfig } = await import('./config')
  expect(appConfig.rpcUrls).toEqual({ 84532: ['https://a.example', 'https://b.example'] })
})

test('a malformed RPC entry stops the build with a sentence that shows the form', async () => {
  vi.stubEnv('NEXT_PUBLIC_RPC_URLS', 'sepolia=https://sepolia.example')
  await expect(import('./config')).rejects.toThrow(
    'NEXT_PUBLIC_RPC_URLS has "sepolia=https://sepolia.example": write <chain id>=<http(s) URL>, comma-separated.',
  )
})
