import { createStore, get, set } from 'idb-keyval'
import { expect, test } from 'vitest'
import { browserKeystore } from './browserKeystore'

test('reads and writes the IndexedDB databases earlier versions kept secrets in', async () => {
  // Written as the version before the keystore did: its databases, stores and keys.
  const paywall = createStore('keyswarm-paywall', 'secrets')
  const publish = createStore('keyswarm-publish', 'state')
  const creator = '0x00000000000000000000000000000000000000Cc'
  const record = { chainId: 5, purchaseId: '9', contentId: '3', buyer: creator, nonce: '0', infoHash: 'ab'.repeat(20) }
  await set('purchase:5:9', record, paywall)
  await set(`agent:5:${creator.toLowerCase()}`, `0x${'33'.repeat(32)}`, paywall)
  await set(`salts:5:${creator.toLowerCase()}`, [`0x${'44'.repeat(32)}`], publish)

  const keystore = browserKeystore()
  expect(await keystore.listPurchases({ chainId: 5 })).toEqual([record])
  expect(await keystore.loadAgentKey({ chainId: 5, creator })).toBe(`0x${'33'.repeat(32)}`)
  expect(await keystore.loadReservedSalts({ chainId: 5, creator })).toEqual([`0x${'44'.repeat(32)}`])

  await keystore.reserveSalt({ chainId: 5, creator, salt: `0x${'55'.repeat(32)}` })
  expect(await get(`salts:5:${creator.toLowerCase()}`, publish)).toEqual([
    `0x${'44'.repeat(32)}`,
    `0x${'55'.repeat(32)}`,
  ])
})
