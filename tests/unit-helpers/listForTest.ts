import { type ContractFunctionArgs, keccak256, parseEther, parseEventLogs, stringToHex, zeroAddress } from 'viem'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import { publicPoint } from '../../lib/crypto'
import type { TestChain } from './startTestChain'

/** The `ListingParams` of the contract's `list`. */
export type TestListingParams = ContractFunctionArgs<typeof keyswarmAbi, 'nonpayable', 'list'>[0]

/** Parameters of {@link listForTest}: who lists, and what differs from the defaults. */
export type ListForTestParameters = Partial<TestListingParams> & {
  /** Dev account index of the creator. */
  creator: number
}

const testDelivery = publicPoint(keccak256(stringToHex('Keyswarm test delivery secret')))

/**
 * Lists on the test chain and returns the new listing's id. Defaults: a 1 MB ETH listing at
 * 0.01 ETH with a 10% seeder share, no trackers or web seeds; a test names what it is about.
 * @example
 * const contentId = await listForTest(chain, { creator: 1, keyHash: keyHash(key), webSeeds: ['https://a.example/'] })
 */
export async function listForTest(chain: TestChain, { creator, ...params }: ListForTestParameters): Promise<bigint> {
  const receipt = await chain.mined(
    chain.wallet(creator).writeContract({
      address: chain.deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'list',
      args: [
        {
          infoHash: '0x3333333333333333333333333333333333333333',
          size: 1_000_000n,
          token: zeroAddress,
          price: parseEther('0.01'),
          seedShareBps: 1_000,
          keyHash: `0x${'ab'.repeat(32)}`,
          deliveryX: testDelivery.x,
          deliveryY: testDelivery.y,
          title: 'Test listing',
          description: '',
          trackers: [],
          webSeeds: [],
          ...params,
        },
      ],
    }),
  )
  return parseEventLogs({ abi: keyswarmAbi, logs: receipt.logs, eventName: 'Listed' })[0]!.args.contentId
}
