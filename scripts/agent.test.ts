/**
 * `npm run agent` as a real process against a real anvil chain with 1 s blocks: it needs only an
 * RPC URL and the exported agent secrets, and delivers a key the buyer can open.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Hex, keccak256, stringToHex } from 'viem'
import { generatePrivateKey } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { AgentSecrets } from '@/lib/agent/types'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import { publicPoint, unsealKey } from '@/lib/crypto'
import { addTestAgent } from '@/tests/unit-helpers/addTestAgent'
import { buyForTest } from '@/tests/unit-helpers/buyForTest'
import { listPaidForTest } from '@/tests/unit-helpers/listPaidForTest'
import { type TestChain, startTestChain } from '@/tests/unit-helpers/startTestChain'

const CREATOR = 1
const BUYER = 2
const agentKey = generatePrivateKey()
const contentKey = keccak256(stringToHex('Keyswarm agent daemon content key'))
const deliverySecret = keccak256(stringToHex('Keyswarm agent daemon delivery secret'))

let chain: TestChain
let daemon: ChildProcess | undefined
let dir: string

beforeAll(async () => {
  chain = await startTestChain({ blockTime: 1 })
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

/** Waits up to 30 s for the sealed key delivered to `purchaseId`. */
async function deliveredKey(purchaseId: bigint): Promise<Hex | undefined> {
  const started = Date.now()
  while (Date.now() - started < 30_000) {
    const [log] = await chain.client.getContractEvents({
      address: chain.deployment.keyswarm,
      abi: keyswarmAbi,
      eventName: 'Delivered',
      args: { purchaseId },
      fromBlock: 0n,
    })
    if (log?.args.sealedKey) return log.args.sealedKey
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return undefined
}

test('npm run agent delivers a key the buyer opens, with only an RPC URL and the exported secrets, and takes up a listing exported later without a restart', async () => {
  const C = publicPoint(deliverySecret)
  const listing = await listPaidForTest(chain, {
    creator: CREATOR,
    key: contentKey,
    deliverySecret,
    infoHash: '0x2222222222222222222222222222222222222222',
    title: 'Daemon',
  })
  const contentId = BigInt(listing.contentId)
  await addTestAgent(chain, { creator: CREATOR, agentKey })

  const secrets: AgentSecrets = {
    chainId: foundry.id,
    agentKey,
    listings: [listing],
  }
  const secretsPath = join(dir, 'agent-secrets.json')
  await writeFile(secretsPath, JSON.stringify(secrets))
  daemon = spawn('npm', ['run', 'agent', '--', '--rpc', chain.rpcUrl, '--secrets', secretsPath, '--interval', '250'], {
    cwd: join(import.meta.dirname, '..'),
    stdio: 'ignore',
    detached: true,
  })

  const sessionSecret = keccak256(stringToHex('Keyswarm agent daemon session'))
  const purchaseId = await buyForTest(chain, { buyer: BUYER, contentId, session: publicPoint(sessionSecret) })
  const started = Date.now()
  const sealedKey = await deliveredKey(purchaseId)
  console.log(`agent.daemon_purchase_to_delivered_ms=${Date.now() - started} (1 s blocks, includes tsx start-up)`)
  expect(sealedKey).toBeDefined()
  expect(unsealKey({ sealedKey: sealedKey!, sessionSecret, deliveryPublicKey: C, purchaseId })).toBe(contentKey)

  // The creator publishes another listing and exports again over the same file: the running daemon
  // reads it again and delivers that listing's sales too.
  const later = await listPaidForTest(chain, {
    creator: CREATOR,
    key: contentKey,
    deliverySecret,
    infoHash: '0x3333333333333333333333333333333333333333',
    title: 'Daemon, later',
  })
  await writeFile(secretsPath, JSON.stringify({ ...secrets, listings: [listing, later] } satisfies AgentSecrets))
  const laterPurchase = await buyForTest(chain, {
    buyer: BUYER,
    contentId: BigInt(later.contentId),
    session: publicPoint(sessionSecret),
  })
  const laterKey = await deliveredKey(laterPurchase)
  expect(laterKey).toBeDefined()
  expect(unsealKey({ sealedKey: laterKey!, sessionSecret, deliveryPublicKey: C, purchaseId: laterPurchase })).toBe(
    contentKey,
  )
}, 90_000)
