import type { Hex } from 'viem'
import { expect, test } from 'vitest'
import { createKeystore } from './createKeystore'
import { memoryStorage } from './memoryStorage'
import type { ListingSecret, PurchaseRecord } from './types'

const buyer = '0x00000000000000000000000000000000000000Bb'
const creator = '0x00000000000000000000000000000000000000Cc'
const secret = `0x${'11'.repeat(32)}` as Hex

function setup(session: string | null = 'session-1') {
  const secrets = memoryStorage()
  const salts = memoryStorage()
  let current = session ?? undefined
  const keystore = createKeystore({
    secrets,
    salts,
    sessionId: () => current,
    newAgentKey: () => `0x${'aa'.repeat(32)}`,
  })
  return { keystore, secrets, salts, endSession: (next?: string) => void (current = next) }
}

const purchase = (id: number, contentId = 7): PurchaseRecord => ({
  chainId: 31337,
  purchaseId: String(id),
  contentId: String(contentId),
  buyer,
  nonce: '0',
  infoHash: 'ab'.repeat(20),
})

test('keeps the account secret for this browser session only', async () => {
  const { keystore, secrets, endSession } = setup()
  await keystore.saveAccountSecret({ chainId: 31337, account: buyer, secret })
  expect(await keystore.loadAccountSecret({ chainId: 31337, account: buyer.toLowerCase() as Hex })).toBe(secret)
  endSession('session-2')
  expect(await keystore.loadAccountSecret({ chainId: 31337, account: buyer })).toBeUndefined()
  expect(secrets.map.size).toBe(0)
})

test('keeps no account secret where the browser has no session cookie', async () => {
  const { keystore, secrets } = setup(null)
  await keystore.saveAccountSecret({ chainId: 31337, account: buyer, secret })
  expect(secrets.map.size).toBe(0)
})

test('drops an account secret an older version kept without a session', async () => {
  const { keystore, secrets } = setup()
  secrets.map.set(`account:31337:${buyer.toLowerCase()}`, secret)
  expect(await keystore.loadAccountSecret({ chainId: 31337, account: buyer })).toBeUndefined()
  expect(secrets.map.size).toBe(0)
})

test('reads purchases under the keys earlier versions wrote, filtered by buyer and listing', async () => {
  const { keystore, secrets } = setup()
  // Written as lib/purchases/savePurchase did before the keystore: the same key, the same value.
  secrets.map.set('purchase:31337:1', purchase(1))
  await keystore.savePurchase(purchase(2, 8))
  await keystore.savePurchase({ ...purchase(3), chainId: 1 })
  expect([...secrets.map.keys()].sort()).toEqual(['purchase:1:3', 'purchase:31337:1', 'purchase:31337:2'])
  expect((await keystore.listPurchases({ chainId: 31337 })).map((p) => p.purchaseId).sort()).toEqual(['1', '2'])
  expect((await keystore.listPurchases({ chainId: 31337, contentId: 8n })).map((p) => p.purchaseId)).toEqual(['2'])
  expect(await keystore.listPurchases({ chainId: 31337, buyer: creator })).toEqual([])
  await keystore.savePurchase({ ...purchase(1), key: secret })
  expect((await keystore.listPurchases({ chainId: 31337, contentId: 7n }))[0]?.key).toBe(secret)
})

test('keeps listing secrets per chain and creator', async () => {
  const { keystore, secrets } = setup()
  const listing: ListingSecret = {
    chainId: 31337,
    contentId: '4',
    creator,
    infoHash: 'cd'.repeat(20),
    key: secret,
    deliverySecret: secret,
    salt: secret,
  }
  await keystore.saveListingSecret(listing)
  expect(secrets.map.has('listing:31337:4')).toBe(true)
  expect(await keystore.listListingSecrets({ chainId: 31337, creator: creator.toLowerCase() as Hex })).toEqual([
    listing,
  ])
  expect(await keystore.listListingSecrets({ chainId: 31337, creator: buyer })).toEqual([])
  expect(await keystore.listListingSecrets({ chainId: 1 })).toEqual([])
})

test('makes an agent key once and keeps returning it', async () => {
  const { keystore, secrets } = setup()
  secrets.map.set(`agent:31337:${buyer.toLowerCase()}`, secret)
  expect(await keystore.loadAgentKey({ chainId: 31337, creator: buyer })).toBe(secret)
  const fresh = await keystore.loadAgentKey({ chainId: 31337, creator })
  expect(fresh).toBe(`0x${'aa'.repeat(32)}`)
  expect(secrets.map.get(`agent:31337:${creator.toLowerCase()}`)).toBe(fresh)
})

test('reserves each salt once, in its own storage', async () => {
  const { keystore, salts, secrets } = setup()
  await keystore.reserveSalt({ chainId: 31337, creator, salt: secret })
  await keystore.reserveSalt({ chainId: 31337, creator, salt: secret })
  await keystore.reserveSalt({ chainId: 31337, creator, salt: `0x${'22'.repeat(32)}` })
  expect(await keystore.loadReservedSalts({ chainId: 31337, creator })).toEqual([secret, `0x${'22'.repeat(32)}`])
  expect(await keystore.loadReservedSalts({ chainId: 31337, creator: buyer })).toEqual([])
  expect([...salts.map.keys()]).toEqual([`salts:31337:${creator.toLowerCase()}`])
  expect(secrets.map.size).toBe(0)
})
