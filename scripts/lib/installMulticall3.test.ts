import { decodeFunctionResult, encodeFunctionData, parseAbi } from 'viem'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import { listForTest } from '../../tests/unit-helpers/listForTest'
import { type TestChain, startTestChain } from '../../tests/unit-helpers/startTestChain'
import { multicall3Address } from './installMulticall3'

let chain: TestChain

beforeAll(async () => {
  chain = await startTestChain()
}, 60_000)

afterAll(() => chain?.stop())

// aggregate3 is payable in the source; called with eth_call it is a read, and viem's own copy of this ABI says `view` too.
const multicall3Abi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) view returns (Result[] returnData)',
  'function getBlockNumber() view returns (uint256 blockNumber)',
])

test('Multicall3 answers aggregate3 at its canonical address, a failing call reported and not fatal', async () => {
  await listForTest(chain, { creator: 2, title: 'Batched' })
  const creator = chain.account(2).address
  const stats = encodeFunctionData({ abi: keyswarmAbi, functionName: 'creatorStats', args: [creator] })
  const [first, failing] = await chain.client.readContract({
    address: multicall3Address,
    abi: multicall3Abi,
    functionName: 'aggregate3',
    args: [
      [
        { target: chain.deployment.keyswarm, allowFailure: false, callData: stats },
        // No such function on Keyswarm: reverts, and allowFailure keeps the batch alive.
        { target: chain.deployment.keyswarm, allowFailure: true, callData: '0xdeadbeef' },
      ],
    ],
  })
  expect(first!.success).toBe(true)
  const decoded = decodeFunctionResult({ abi: keyswarmAbi, functionName: 'creatorStats', data: first!.returnData })
  expect(decoded[0]).toBe(1) // listings
  expect(failing!.success).toBe(false)
})

test('viem’s multicall reads through it', async () => {
  const [blockNumber, stats] = await chain.client.multicall({
    multicallAddress: multicall3Address,
    allowFailure: false,
    contracts: [
      { address: multicall3Address, abi: multicall3Abi, functionName: 'getBlockNumber' },
      {
        address: chain.deployment.keyswarm,
        abi: keyswarmAbi,
        functionName: 'creatorStats',
        args: [chain.account(3).address],
      },
    ],
  })
  expect(blockNumber).toBe(await chain.client.getBlockNumber({ cacheTime: 0 }))
  expect(stats[0]).toBe(0) // listings
})
