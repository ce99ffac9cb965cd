import { afterAll, beforeAll, expect, test } from 'vitest'
import { listForTest } from '../../tests/unit-helpers/listForTest'
import { type TestChain, startTestChain } from '../../tests/unit-helpers/startTestChain'
import { keyswarmAbi } from './abi/keyswarmAbi'
import { UnknownListingError } from './errors'
import { readListing } from './readListing'

let chain: TestChain

beforeAll(async () => {
  chain = await startTestChain()
}, 60_000)

afterAll(() => chain?.stop())

test('a listing’s sources are the ones it was listed with until its creator changes them, then the latest change', async () => {
  const { client, deployment } = chain
  const setSources = (contentId: bigint, trackers: string[], webSeeds: string[]) =>
    chain.mined(
      chain.wallet(1).writeContract({
        address: deployment.keyswarm,
        abi: keyswarmAbi,
        functionName: 'setSources',
        args: [contentId, trackers, webSeeds],
      }),
    )
  const changed = await listForTest(chain, {
    creator: 1,
    trackers: ['wss://listed.example'],
    webSeeds: ['https://listed.example/'],
  })
  const other = await listForTest(chain, { creator: 1, trackers: ['wss://other.example'] })

  expect((await readListing(client, { deployment, contentId: changed })).sources).toEqual({
    trackers: ['wss://listed.example'],
    relays: [],
    webSeeds: ['https://listed.example/'],
  })

  await setSources(changed, ['wss://first.example'], [])
  const latest = await setSources(
    changed,
    ['wss://second.example', 'nostr+wss://relay.example'],
    ['https://seed.example/keyswarm/'],
  )
  const listing = await readListing(client, { deployment, contentId: changed })
  // A relay named among the trackers (nostr+wss://) comes back as a relay.
  expect(listing.sources).toEqual({
    trackers: ['wss://second.example'],
    relays: ['wss://relay.example'],
    webSeeds: ['https://seed.example/keyswarm/'],
    changedAt: latest.blockNumber,
  })
  // What it was listed with stays readable beside them.
  expect(listing.trackers).toEqual(['wss://listed.example'])
  // Another listing's change is not this one's.
  expect((await readListing(client, { deployment, contentId: other })).sources).toEqual({
    trackers: ['wss://other.example'],
    relays: [],
    webSeeds: [],
  })
}, 60_000)

test('a listing the chain does not know is an UnknownListingError', async () => {
  await expect(readListing(chain.client, { deployment: chain.deployment, contentId: 999n })).rejects.toThrow(
    UnknownListingError,
  )
})
