/**
 * `npm run agent` as a real process against a real anvil chain with 1 s blocks: it needs only an
 * RPC URL and the exported agent secrets, and delivers a key the buyer can open.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type Hex,
  createPublicClient,
  createWalletClient,
  http,
  keccak256,
  parseEther,
  parseEventLogs,
  stringToHex,
} from 'viem'
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { AgentSecrets } from '@/lib/agent/types'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import type { Deployment } from '@/lib/chain/deployments'
import { keyHash, publicPoint, unsealKey } from '@/lib/crypto'
import { deployAll } from './deploy'
import { anvilDeployerKey, freePort, startAnvil, devMnemonic } from './lib/startStack'

const creator = mnemonicToAccount(devMnemonic, { addressIndex: 1 })
const buyer = mnemonicToAccount(devMnemonic, { addressIndex: 2 })
const agentKey = generatePrivateKey()
const contentKey = keccak256(stringToHex('Keyswarm agent daemon content key'))
const deliverySecret = keccak256(stringToHex('Keyswarm agent daemon delivery secret'))

let chain: Awaited<ReturnType<typeof startAnvil>>
let deployment: Deployment
let daemon: ChildProcess | undefined
let dir: string

beforeAll(async () => {
  chain = await startAnvil({ port: await freePort(), blockTime: 1 })
  deployment = await deployAll({ rpcUrl: chain.rpcUrl, privateKey: anvilDeployerKey, mockStablecoin: true })
  dir = await mkdtemp(join(tmpdir(), 'keyswarm-agent-'))
}, 60_000)

afterAll(async () => {
  if (daemon?.pid) {
    const exited = new Promise((resolve) => daemon!.once('exit', resolve))
    process.kill(-daemon.pid, 'SIGTERM')
    await exited
  }
  await chain?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

test('npm run agent delivers a key the buyer opens, with only an RPC URL and the exported secrets', async () => {
  const transport = http(chain.rpcUrl)
  const client = createPublicClient({ chain: foundry, transport, pollingInterval: 100 })
  const asCreator = createWalletClient({ account: creator, chain: foundry, transport })
  const asBuyer = createWalletClient({ account: buyer, chain: foundry, transport })
  const mined = async (hash: Promise<Hex>) => client.waitForTransactionReceipt({ hash: await hash })

  const C = publicPoint(deliverySecret)
  const listed = await mined(
    asCreator.writeContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'list',
      args: [
        {
          infoHash: '0x2222222222222222222222222222222222222222',
          size: 1_000_000n,
          token: '0x0000000000000000000000000000000000000000',
          price: parseEther('0.01'),
          seedShareBps: 1_000,
          keyHash: keyHash(contentKey),
          deliveryX: C.x,
          deliveryY: C.y,
          title: 'Daemon',
          description: '',
          trackers: [],
          webSeeds: [],
        },
      ],
    }),
  )
  const contentId = parseEventLogs({ abi: keyswarmAbi, logs: listed.logs, eventName: 'Listed' })[0]!.args.contentId
  const agent = privateKeyToAccount(agentKey).address
  await mined(
    asCreator.writeContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'setAgent',
      args: [agent, true],
    }),
  )
  await mined(asCreator.sendTransaction({ to: agent, value: parseEther('0.02') }))

  const secrets: AgentSecrets = {
    chainId: foundry.id,
    agentKey,
    listings: [
      {
        chainId: foundry.id,
        contentId: String(contentId),
        creator: creator.address,
        infoHash: '22'.repeat(20),
        key: contentKey,
        deliverySecret,
        salt: `0x${'00'.repeat(32)}`,
      },
    ],
  }
  const secretsPath = join(dir, 'agent-secrets.json')
  await writeFile(secretsPath, JSON.stringify(secrets))
  daemon = spawn('npm', ['run', 'agent', '--', '--rpc', chain.rpcUrl, '--secrets', secretsPath, '--interval', '250'], {
    cwd: join(import.meta.dirname, '..'),
    stdio: 'ignore',
    detached: true,
  })

  const sessionSecret = keccak256(stringToHex('Keyswarm agent daemon session'))
  const B = publicPoint(sessionSecret)
  const bought = await mined(
    asBuyer.writeContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'purchase',
      args: [contentId, B.x, B.y, parseEther('0.01')],
      value: parseEther('0.01'),
    }),
  )
  const purchaseId = parseEventLogs({ abi: keyswarmAbi, logs: bought.logs, eventName: 'Purchased' })[0]!.args.purchaseId
  const started = Date.now()
  let sealedKey: Hex | undefined
  while (!sealedKey && Date.now() - started < 30_000) {
    const [log] = await client.getContractEvents({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      eventName: 'Delivered',
      args: { purchaseId },
      fromBlock: 0n,
    })
    sealedKey = log?.args.sealedKey
    if (!sealedKey) await new Promise((resolve) => setTimeout(resolve, 200))
  }
  console.log(`agent.daemon_purchase_to_delivered_ms=${Date.now() - started} (1 s blocks, includes tsx start-up)`)
  expect(sealedKey).toBeDefined()
  expect(unsealKey({ sealedKey: sealedKey!, sessionSecret, deliveryPublicKey: C, purchaseId })).toBe(contentKey)
}, 60_000)
