import { type Hex, bytesToHex } from 'viem'
import { describe, expect, test } from 'vitest'
import { contentKey, deliveryKey, keyHash } from '@/lib/crypto'
import { listingSalt } from './listingSalt'
import { matchListingSalts } from './matchListingSalts'

const m = '0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f' as const

function listed(contentId: bigint, salt: Hex, accountSecret: Hex = m) {
  const delivery = deliveryKey({ accountSecret, salt })
  return {
    contentId,
    infoHash: contentId.toString(16).padStart(40, '0'),
    keyHash: keyHash(contentKey({ accountSecret, salt })),
    delivery: delivery.publicKey,
  }
}

describe('matchListingSalts', () => {
  test('finds the index, key and delivery secret of each listing, gaps included', () => {
    const listings = [
      listed(7n, listingSalt({ accountSecret: m, index: 0 })),
      listed(9n, listingSalt({ accountSecret: m, index: 3 })),
    ]
    const matched = matchListingSalts({ accountSecret: m, listings })
    expect(matched.map((x) => [x.contentId, x.index])).toEqual([
      [7n, 0],
      [9n, 3],
    ])
    const salt = listingSalt({ accountSecret: m, index: 3 })
    expect(matched[1]).toMatchObject({
      salt,
      key: contentKey({ accountSecret: m, salt }),
      deliverySecret: deliveryKey({ accountSecret: m, salt }).secret,
    })
  })

  test('leaves out free listings, random-salt listings and another account’s listings', () => {
    const randomSalt = bytesToHex(crypto.getRandomValues(new Uint8Array(32)))
    const otherSecret = `0x${'11'.repeat(32)}` as const
    const listings = [
      { ...listed(1n, listingSalt({ accountSecret: m, index: 0 })), keyHash: `0x${'00'.repeat(32)}` as const },
      listed(2n, randomSalt),
      listed(3n, listingSalt({ accountSecret: otherSecret, index: 0 }), otherSecret),
    ]
    expect(matchListingSalts({ accountSecret: m, listings })).toEqual([])
  })

  test('refuses a listing whose keyHash matches but whose delivery key does not', () => {
    const real = listed(4n, listingSalt({ accountSecret: m, index: 1 }))
    const forged = {
      ...real,
      delivery: deliveryKey({ accountSecret: m, salt: listingSalt({ accountSecret: m, index: 2 }) }).publicKey,
    }
    expect(matchListingSalts({ accountSecret: m, listings: [forged] })).toEqual([])
  })
})
