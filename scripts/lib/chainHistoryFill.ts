import {
  type Address,
  type Hex,
  encodeFunctionData,
  keccak256,
  numberToHex,
  parseEther,
  parseEventLogs,
  stringToHex,
  zeroAddress,
} from 'viem'
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { keyswarmAbi } from '../../lib/chain/abi/keyswarmAbi'
import type { Deployment } from '../../lib/chain/deployments/index'
import { keyHash, publicPoint } from '../../lib/crypto'
import type { ListingSecret } from '../../lib/keystore/types'
import { devMnemonic } from './startStack'

/** How many of what {@link fillChainHistory} spreads over the history. */
export type ChainFillPlan = {
  /** Listings in all, the library creator's and the agent creator's included. */
  listings: number
  /** Purchases of other creators' listings (the library's sales and the agent's purchases come on top). */
  purchases: number
  /** One creator with many listings and sales, for /library. */
  library: { listings: number; sales: number }
  /** One creator whose purchases stay undelivered, for a delivery agent to catch up on. */
  agent: { listings: number; purchases: number }
}

/** What the fill made, for the bench to find it again. JSON-safe. */
export type ChainFill = {
  plan: ChainFillPlan
  listings: number
  purchases: number
  library: { account: number; creator: Address }
  agent: {
    account: number
    creator: Address
    /** The authorized and funded agent key. */
    agentKey: Hex
    /** Each agent listing's secrets, as /publish keeps them and `npm run agent` reads them. */
    listings: ListingSecret[]
  }
}

/** Parameters of {@link fillChainHistory}. */
export type FillChainHistoryParameters = {
  deployment: Deployment
  /** Blocks to mine in all, the ones holding transactions included. */
  blocks: number
  /** Timestamp step between blocks. */
  secondsPerBlock: number
  plan: ChainFillPlan
  log?: (line: string) => void
}

/** Dev accounts by role (anvil's mnemonic; the local stack unlocks 30). */
const libraryAccount = 1
const agentAccount = 2
const otherCreators = Array.from({ length: 18 }, (_, i) => 3 + i)
const buyers = Array.from({ length: 9 }, (_, i) => 21 + i)
/** Enough history segments that every part of the history holds events, few enough to mine fast. */
const segments = 100
const price = parseEther('0.001')
const words = ['Quiet', 'Amber', 'Northern', 'Salt', 'Paper', 'Glass', 'Late', 'Open', 'Hidden', 'Long']
const things = ['Harbour', 'Lecture', 'Garden', 'Tapes', 'Signal', 'Atlas', 'Season', 'Archive', 'Session', 'River']

/** One transaction from a dev account; to Keyswarm unless `to` says otherwise. */
type Job = { from: number; data: Hex; to?: Address; value?: bigint; gas: bigint }

/**
 * Fills a freshly deployed anvil chain (automine on) with `plan.listings` listings and their
 * purchases spread evenly over `blocks` blocks: each of 100 segments gets a block of listings, a
 * block of purchases and empty blocks up to its share. Transactions go out as JSON-RPC batches of
 * `eth_sendTransaction` from the unlocked dev accounts with explicit nonces and gas, automine off,
 * then one `anvil_mine` takes them all — thousands of transactions in seconds.
 */
export async function fillChainHistory(
  rpcUrl: string,
  { deployment, blocks, secondsPerBlock, plan, log = () => {} }: FillChainHistoryParameters,
): Promise<ChainFill> {
  const rpc = rpcCaller(rpcUrl)
  // Deriving an HD account costs ~100 ms of PBKDF2 here: once per account, not per transaction.
  const addresses = new Map<number, Address>()
  const address = (index: number) => {
    if (!addresses.has(index)) addresses.set(index, mnemonicToAccount(devMnemonic, { addressIndex: index }).address)
    return addresses.get(index)!
  }
  const nonces = new Map<number, number>()
  for (const index of [libraryAccount, agentAccount, ...otherCreators, ...buyers])
    nonces.set(index, Number(await rpc<Hex>('eth_getTransactionCount', [address(index), 'pending'])))

  async function send(jobs: Job[]) {
    for (let i = 0; i < jobs.length; i += 200) {
      await rpc.batch(
        'eth_sendTransaction',
        jobs.slice(i, i + 200).map(({ from, data, to = deployment.keyswarm, value, gas }) => {
          const nonce = nonces.get(from)!
          nonces.set(from, nonce + 1)
          return [
            {
              from: address(from),
              to,
              data,
              value: numberToHex(value ?? 0n),
              gas: numberToHex(gas),
              nonce: numberToHex(nonce),
            },
          ]
        }),
      )
    }
  }
  /** Mines one block holding everything pending and returns its Keyswarm logs. */
  async function mineOne() {
    await rpc('anvil_mine', ['0x1', numberToHex(secondsPerBlock)])
    const pending = await rpc<{ transactions: unknown[] }>('eth_getBlockByNumber', ['pending', false])
    if (pending.transactions.length > 0)
      throw new Error(`${pending.transactions.length} transactions did not fit in the block.`)
    const head = await rpc<Hex>('eth_blockNumber', [])
    return rpc<Parameters<typeof parseEventLogs>[0]['logs']>('eth_getLogs', [
      { address: deployment.keyswarm, fromBlock: head, toBlock: head },
    ])
  }

  // The agent creator's secrets: real keys, so the agent's deliveries are the real thing.
  const agentSecrets = Array.from({ length: plan.agent.listings }, (_, i) => ({
    key: keccak256(stringToHex(`Keyswarm history agent listing key ${i}`)),
    deliverySecret: keccak256(stringToHex(`Keyswarm history agent delivery secret ${i}`)),
  }))
  const agentKey = keccak256(stringToHex('Keyswarm history agent key'))
  const agentAddress = privateKeyToAccount(agentKey).address
  const testDelivery = publicPoint(keccak256(stringToHex('Keyswarm test delivery secret')))
  // Each bench purchase names a session key and, apart from it, the receipt key that signs its receipts.
  const sessions = Array.from({ length: 16 }, (_, i) => ({
    ...publicPoint(keccak256(stringToHex(`Keyswarm history session ${i}`))),
    receiptSigner: privateKeyToAccount(keccak256(stringToHex(`Keyswarm history receipt key ${i}`))).address,
  }))

  // Who lists what, in order: the library's and the agent's listings evenly among the others.
  type Listed = { owner: 'library' | 'agent' | 'other'; creator: number; index: number }
  const listingJobs: Listed[] = []
  let libraryListed = 0
  let agentListed = 0
  for (let i = 0; i < plan.listings; i++) {
    if (libraryListed < plan.library.listings && i >= (libraryListed * plan.listings) / plan.library.listings)
      listingJobs.push({ owner: 'library', creator: libraryAccount, index: libraryListed++ })
    else if (agentListed < plan.agent.listings && i >= (agentListed * plan.listings) / plan.agent.listings + 1)
      listingJobs.push({ owner: 'agent', creator: agentAccount, index: agentListed++ })
    else listingJobs.push({ owner: 'other', creator: otherCreators[i % otherCreators.length]!, index: i })
  }
  const listed: Record<Listed['owner'], bigint[]> = { library: [], agent: [], other: [] }
  const agentListings: ListingSecret[] = []
  const segmentOf = (index: number, count: number) => Math.floor((index * segments) / count)
  const perSegment = Math.floor(blocks / segments)
  let purchases = 0
  let buyerTurn = 0
  const due = { library: 0, agent: 0, other: 0 }

  await rpc('evm_setAutomine', [false])
  await rpc('evm_setBlockGasLimit', [numberToHex(1_000_000_000n)])
  try {
    for (let segment = 0; segment < segments; segment++) {
      const listings: Job[] = []
      const infoHashes = new Map<Hex, Listed>()
      if (segment === 0) {
        listings.push({
          from: agentAccount,
          data: encodeFunctionData({ abi: keyswarmAbi, functionName: 'setAgent', args: [agentAddress, true] }),
          gas: 100_000n,
        })
        listings.push({ from: agentAccount, to: agentAddress, data: '0x', value: parseEther('1'), gas: 21_000n })
      }
      for (const [i, job] of listingJobs.entries()) {
        if (segmentOf(i, listingJobs.length) !== segment) continue
        const infoHash = keccak256(stringToHex(`Keyswarm history listing ${i}`)).slice(0, 42) as Hex
        infoHashes.set(infoHash, job)
        const secret = job.owner === 'agent' ? agentSecrets[job.index]! : undefined
        const delivery = secret ? publicPoint(secret.deliverySecret) : testDelivery
        listings.push({
          from: job.creator,
          gas: 600_000n,
          data: encodeFunctionData({
            abi: keyswarmAbi,
            functionName: 'list',
            args: [
              {
                infoHash,
                size: BigInt(1_000_000 + i),
                token: zeroAddress,
                price,
                seedShareBps: 1_000,
                keyHash: secret ? keyHash(secret.key) : `0x${'ab'.repeat(32)}`,
                deliveryX: delivery.x,
                deliveryY: delivery.y,
                title: `${words[i % words.length]} ${things[Math.floor(i / words.length) % things.length]} ${i + 1}`,
                description: job.owner === 'library' ? 'From the library creator of the history chain.' : '',
                trackers: [],
                webSeeds: [],
              },
            ],
          }),
        })
      }
      await send(listings)
      for (const log of parseEventLogs({ abi: keyswarmAbi, logs: await mineOne(), eventName: 'Listed' })) {
        const job = infoHashes.get(log.args.infoHash.toLowerCase() as Hex)
        if (!job) continue
        listed[job.owner].push(log.args.contentId)
        if (job.owner === 'agent') {
          const secret = agentSecrets[job.index]!
          agentListings.push({
            chainId: foundry.id,
            contentId: String(log.args.contentId),
            creator: address(agentAccount),
            infoHash: log.args.infoHash.slice(2).toLowerCase(),
            key: secret.key,
            deliverySecret: secret.deliverySecret,
            salt: `0x${'00'.repeat(32)}`,
          })
        }
        infoHashes.delete(log.args.infoHash.toLowerCase() as Hex)
      }
      if (infoHashes.size > 0)
        throw new Error(`${infoHashes.size} listings of segment ${segment} did not land (reverted?).`)

      // Purchases of what is listed so far, in the share of this segment.
      const buys: Job[] = []
      const buy = (contentId: bigint, session = sessions[buys.length % sessions.length]!) =>
        buys.push({
          from: buyers[buyerTurn++ % buyers.length]!,
          value: price,
          gas: 250_000n,
          data: encodeFunctionData({
            abi: keyswarmAbi,
            functionName: 'purchase',
            args: [contentId, session.x, session.y, session.receiptSigner, price],
          }),
        })
      const share = (count: number) =>
        Math.floor(((segment + 1) * count) / segments) - Math.floor((segment * count) / segments)
      due.library += share(plan.library.sales)
      due.agent += share(plan.agent.purchases)
      due.other += share(plan.purchases)
      // A share due before anything of its kind is listed waits for a later segment.
      for (; due.library > 0 && listed.library.length > 0; due.library--)
        buy(listed.library[(purchases + buys.length) % listed.library.length]!)
      for (; due.agent > 0 && listed.agent.length > 0; due.agent--)
        buy(
          listed.agent[(segment + due.agent) % listed.agent.length]!,
          {
            ...publicPoint(keccak256(stringToHex(`Keyswarm history agent session ${segment} ${due.agent}`))),
            receiptSigner: sessions[0]!.receiptSigner,
          },
        )
      for (; due.other > 0 && listed.other.length > 0; due.other--)
        buy(listed.other[Math.floor(Math.random() * listed.other.length)]!)
      await send(buys)
      const bought = parseEventLogs({ abi: keyswarmAbi, logs: await mineOne(), eventName: 'Purchased' }).length
      if (bought !== buys.length)
        throw new Error(`Only ${bought} of ${buys.length} purchases of segment ${segment} landed.`)
      purchases += bought

      for (let left = perSegment - 2; left > 0; left -= 500)
        await rpc('anvil_mine', [numberToHex(Math.min(500, left)), numberToHex(secondsPerBlock)])
      const listedSoFar = listed.library.length + listed.agent.length + listed.other.length
      if (segment % 10 === 9)
        log(`history: ${(segment + 1) * perSegment} blocks, ${listedSoFar} listings, ${purchases} purchases`)
    }
    if (due.library + due.agent + due.other > 0)
      throw new Error('The plan asks for purchases of a kind of listing it never lists.')
  } finally {
    await rpc('evm_setBlockGasLimit', [numberToHex(30_000_000n)])
    await rpc('evm_setAutomine', [true])
  }
  return {
    plan,
    listings: listed.library.length + listed.agent.length + listed.other.length,
    purchases,
    library: { account: libraryAccount, creator: address(libraryAccount) },
    agent: { account: agentAccount, creator: address(agentAccount), agentKey, listings: agentListings },
  }
}

/** A bare JSON-RPC caller (viem's clients would wrap thousands of sends in work we do not need here). */
function rpcCaller(url: string) {
  let id = 0
  async function post(body: unknown) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(300_000),
    })
    return response.json() as Promise<unknown>
  }
  const call = async <T>(method: string, params: unknown[]): Promise<T> => {
    const reply = (await post({ jsonrpc: '2.0', id: ++id, method, params })) as {
      result?: T
      error?: { message: string }
    }
    if (reply.error) throw new Error(`${method} failed: ${reply.error.message}`)
    return reply.result as T
  }
  call.batch = async (method: string, calls: unknown[][]) => {
    const replies = (await post(calls.map((params) => ({ jsonrpc: '2.0', id: ++id, method, params })))) as {
      error?: { message: string }
    }[]
    const failed = replies.find((reply) => reply.error)
    if (failed) throw new Error(`${method} failed: ${failed.error!.message}`)
  }
  return call
}
