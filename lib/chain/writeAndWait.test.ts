/**
 * writeAndWait and waitForSuccess against a real anvil chain, through a wagmi config whose mock
 * connector sends from an unlocked dev account.
 */
import { encodeFunctionData, parseEther, parseEventLogs, zeroAddress } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Config } from 'wagmi'
import { connectTestWallet } from '../../tests/unit-helpers/connectTestWallet'
import { listForTest } from '../../tests/unit-helpers/listForTest'
import { type TestChain, startTestChain } from '../../tests/unit-helpers/startTestChain'
import { pointAddress, publicPoint } from '../crypto'
import { formatError } from '../formatError'
import { keyswarmAbi } from './abi/keyswarmAbi'
import { TransactionRevertedError } from './errors'
import { waitForSuccess } from './waitForSuccess'
import { writeAndWait } from './writeAndWait'

const SENDER = 1

let chain: TestChain
let config: Config

beforeAll(async () => {
  chain = await startTestChain()
  config = await connectTestWallet(chain, { account: SENDER })
}, 60_000)

afterAll(() => chain?.stop())

test('returns the mined transaction with its logs and gas', async () => {
  const agent = privateKeyToAccount(generatePrivateKey()).address
  const sent = await writeAndWait(config, {
    deployment: chain.deployment,
    functionName: 'setAgent',
    args: [agent, true],
    what: 'agent authorization',
  })
  expect(sent.gasUsed).toBeGreaterThan(0n)
  expect(sent.receipt.transactionHash).toBe(sent.transactionHash)
  const [event] = parseEventLogs({ abi: keyswarmAbi, eventName: 'AgentSet', logs: sent.receipt.logs })
  expect(event!.args).toEqual({ creator: chain.account(SENDER).address, agent, allowed: true })
})

test('sends the value of a payable call', async () => {
  const contentId = await listForTest(chain, { creator: 2 })
  const session = publicPoint(generatePrivateKey())
  const { receipt } = await writeAndWait(config, {
    deployment: chain.deployment,
    functionName: 'purchase',
    args: [contentId, session.x, session.y, pointAddress(publicPoint(generatePrivateKey())), parseEther('0.01')],
    value: parseEther('0.01'),
    what: 'purchase',
  })
  const [purchased] = parseEventLogs({ abi: keyswarmAbi, eventName: 'Purchased', logs: receipt.logs })
  expect(purchased!.args.amount).toBe(parseEther('0.01'))
})

test('a transaction mined but reverted becomes a TransactionRevertedError naming it, with the contract’s reason', async () => {
  // Gas given by hand, so the node mines the call instead of refusing it at estimation.
  const hash = await chain.wallet(SENDER).sendTransaction({
    to: chain.deployment.keyswarm,
    data: encodeFunctionData({ abi: keyswarmAbi, functionName: 'withdraw', args: [zeroAddress] }),
    gas: 200_000n,
  })
  const error = await waitForSuccess(config, { hash, chainId: foundry.id, what: 'withdrawal' }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(TransactionRevertedError)
  expect((error as Error).message).toBe('The withdrawal transaction was reverted on chain.')
  expect(formatError(error)).toBe('There is nothing to withdraw.')
})
