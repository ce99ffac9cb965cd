/**
 * writeAndWait and waitForSuccess against a real anvil chain, through a wagmi config whose mock
 * connector sends from an unlocked dev account.
 */
import { createWalletClient, encodeFunctionData, http, parseEther, parseEventLogs, zeroAddress } from 'viem'
import { generatePrivateKey, mnemonicToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Config, createConfig } from 'wagmi'
import { connect } from 'wagmi/actions'
import { mock } from 'wagmi/connectors'
import { deployAll } from '../../scripts/deploy'
import { anvilDeployerKey, devMnemonic, freePort, startAnvil } from '../../scripts/lib/startStack'
import { publicPoint } from '../crypto'
import { keyswarmAbi } from './abi/keyswarmAbi'
import { formatError } from '../formatError'
import type { Deployment } from './deployments/index'
import { TransactionRevertedError } from './errors'
import { waitForSuccess } from './waitForSuccess'
import { writeAndWait } from './writeAndWait'

const creator = mnemonicToAccount(devMnemonic, { addressIndex: 1 })

let chain: Awaited<ReturnType<typeof startAnvil>>
let deployment: Deployment
let config: Config

beforeAll(async () => {
  chain = await startAnvil({ port: await freePort() })
  deployment = await deployAll({ rpcUrl: chain.rpcUrl, privateKey: anvilDeployerKey, mockStablecoin: true })
  const local = { ...foundry, rpcUrls: { default: { http: [chain.rpcUrl] } } }
  config = createConfig({
    chains: [local],
    connectors: [mock({ accounts: [creator.address] })],
    transports: { [local.id]: http(chain.rpcUrl) },
    pollingInterval: 50,
  })
  await connect(config, { connector: config.connectors[0]! })
}, 60_000)

afterAll(() => chain?.stop())

test('returns the mined transaction with its logs and gas, and sends the value of a payable call', async () => {
  const delivery = publicPoint(generatePrivateKey())
  const listed = await writeAndWait(config, {
    deployment,
    functionName: 'list',
    args: [
      {
        infoHash: '0x4444444444444444444444444444444444444444',
        size: 1_000n,
        token: zeroAddress,
        price: parseEther('0.01'),
        seedShareBps: 0,
        keyHash: `0x${'cd'.repeat(32)}`,
        deliveryX: delivery.x,
        deliveryY: delivery.y,
        title: 'writeAndWait',
        description: '',
        trackers: [],
        webSeeds: [],
      },
    ],
    what: 'listing',
  })
  expect(listed.gasUsed).toBeGreaterThan(0n)
  expect(listed.receipt.transactionHash).toBe(listed.transactionHash)
  const [event] = parseEventLogs({ abi: keyswarmAbi, eventName: 'Listed', logs: listed.receipt.logs })
  const contentId = event!.args.contentId

  const session = publicPoint(generatePrivateKey())
  const { receipt } = await writeAndWait(config, {
    deployment,
    functionName: 'purchase',
    args: [contentId, session.x, session.y, parseEther('0.01')],
    value: parseEther('0.01'),
    what: 'purchase',
  })
  const [purchased] = parseEventLogs({ abi: keyswarmAbi, eventName: 'Purchased', logs: receipt.logs })
  expect(purchased!.args.amount).toBe(parseEther('0.01'))
}, 60_000)

test('a transaction mined but reverted becomes a TransactionRevertedError naming it, with the contract’s reason', async () => {
  // Gas given by hand, so the node mines the call instead of refusing it at estimation.
  const hash = await createWalletClient({
    account: creator,
    chain: foundry,
    transport: http(chain.rpcUrl),
  }).sendTransaction({
    to: deployment.keyswarm,
    data: encodeFunctionData({ abi: keyswarmAbi, functionName: 'withdraw', args: [zeroAddress] }),
    gas: 200_000n,
  })
  const error = await waitForSuccess(config, { hash, chainId: foundry.id, what: 'withdrawal' }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(TransactionRevertedError)
  expect((error as Error).message).toBe('The withdrawal transaction was reverted on chain.')
  expect(formatError(error)).toBe('There is nothing to withdraw.')
}, 60_000)
