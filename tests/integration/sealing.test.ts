/**
 * Cross-implementation test of the sealing protocol: lib/crypto seals and unseals in TypeScript,
 * the contract unseals in Solidity (ecrecover trick) during a dispute. Both must agree bit for bit,
 * on a real anvil chain with the real deployment script. A dispute passes back the sealed key of the
 * `Delivered` event: the contract keeps only a commitment to it.
 */
import {
  type Address,
  type Hex,
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
  keccak256,
  parseEther,
  parseEventLogs,
  stringToHex,
} from 'viem'
import { type Account, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import { mockStablecoinAbi } from '@/lib/chain/abi/mockStablecoinAbi'
import type { Deployment } from '@/lib/chain/deployments'
import { receiptTypedData } from '@/lib/chain/receiptTypedData'
import { keyHash } from '@/lib/crypto/keyHash'
import { pointAddress } from '@/lib/crypto/pointAddress'
import { publicPoint } from '@/lib/crypto/publicPoint'
import { sealKey } from '@/lib/crypto/sealKey'
import { unsealKey } from '@/lib/crypto/unsealKey'
import { xorKey } from '@/lib/crypto/xorKey'
import { deployAll } from '@/scripts/deploy'
import { anvilDeployerKey, freePort, startAnvil } from '@/scripts/lib/startStack'
import { devMnemonic } from '../../scripts/lib/startStack'

// anvil's well-known dev accounts (public test keys, never used for anything real).
const creator = mnemonicToAccount(devMnemonic, { addressIndex: 1 })
const buyer = mnemonicToAccount(devMnemonic, { addressIndex: 2 })
const seederAccount = mnemonicToAccount(devMnemonic, { addressIndex: 3 })

const contentKey = keccak256(stringToHex('Keyswarm cross-implementation content key'))
const deliverySecret = keccak256(stringToHex('Keyswarm test delivery secret'))
const price = parseEther('0.01')
const size = 10_000_000n

let chain: Awaited<ReturnType<typeof startAnvil>>
let rpcUrl: string
let deployment: Deployment

const transport = () => http(rpcUrl)
const publicClient = () => createPublicClient({ chain: foundry, transport: transport() })
const wallet = (account: Account) => createWalletClient({ account, chain: foundry, transport: transport() })

/** Waits for a transaction and checks it succeeded. */
async function mined(transaction: Promise<Hex>) {
  const hash = await transaction
  const receipt = await publicClient().waitForTransactionReceipt({ hash, pollingInterval: 20 })
  expect(receipt.status).toBe('success')
  return receipt
}

async function list(token: Address, listingPrice: bigint): Promise<bigint> {
  const C = publicPoint(deliverySecret)
  const receipt = await mined(
    wallet(creator).writeContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'list',
      args: [
        {
          infoHash: '0x1111111111111111111111111111111111111111',
          size,
          token,
          price: listingPrice,
          seedShareBps: 2_000,
          keyHash: keyHash(contentKey),
          deliveryX: C.x,
          deliveryY: C.y,
          title: 'Cross-implementation',
          description: 'Sealed in TypeScript, unsealed in Solidity.',
          trackers: ['ws://127.0.0.1:8000'],
          webSeeds: [],
        },
      ],
    }),
  )
  const [listed] = parseEventLogs({ abi: keyswarmAbi, logs: receipt.logs, eventName: 'Listed' })
  return listed!.args.contentId
}

/** Buys with a fresh session key b and receipt key r; returns the purchase id, b and r. */
async function purchase(contentId: bigint, sessionLabel: string, value: bigint) {
  const sessionSecret = keccak256(stringToHex(`Keyswarm test session ${sessionLabel}`))
  const receiptSecret = keccak256(stringToHex(`Keyswarm test receipt ${sessionLabel}`))
  const B = publicPoint(sessionSecret)
  const receiptSigner = pointAddress(publicPoint(receiptSecret))
  const receipt = await mined(
    wallet(buyer).writeContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'purchase',
      args: [contentId, B.x, B.y, receiptSigner, price],
      value,
    }),
  )
  const [purchased] = parseEventLogs({ abi: keyswarmAbi, logs: receipt.logs, eventName: 'Purchased' })
  expect(purchased!.args.sessionX).toBe(B.x)
  expect(purchased!.args.sessionY).toBe(B.y)
  expect(purchased!.args.receiptSigner).toBe(privateKeyToAccount(receiptSecret).address)
  return { purchaseId: purchased!.args.purchaseId, sessionSecret, sessionPublicKey: B, receiptSecret }
}

async function deliver(purchaseId: bigint, sealedKey: Hex) {
  const receipt = await mined(
    wallet(creator).writeContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'deliver',
      args: [purchaseId, sealedKey],
    }),
  )
  const [delivered] = parseEventLogs({ abi: keyswarmAbi, logs: receipt.logs, eventName: 'Delivered' })
  return delivered!.args.sealedKey
}

/** The contract error a call reverts with, decoded from the ABI. */
async function revertReason(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
  } catch (error) {
    if (!(error instanceof BaseError)) throw error
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError)
    if (reverted instanceof ContractFunctionRevertedError) return reverted.data?.errorName
    throw error
  }
  return undefined
}

beforeAll(async () => {
  chain = await startAnvil({ port: await freePort() })
  rpcUrl = chain.rpcUrl
  deployment = await deployAll({ rpcUrl, privateKey: anvilDeployerKey, mockStablecoin: true })
}, 60_000)

afterAll(async () => {
  await chain?.stop()
})

describe('sealing, TypeScript against the contract', () => {
  test('deploys the committed local addresses on a fresh anvil', async () => {
    const committed = (await import('@/lib/chain/deployments/31337.json')).default
    expect(deployment).toEqual(committed)
  })

  test('the buyer unseals what the creator sealed, and the contract agrees the key is right', async () => {
    const contentId = await list('0x0000000000000000000000000000000000000000', price)
    const { purchaseId, sessionSecret, sessionPublicKey } = await purchase(contentId, 'right', price)

    const sealed = sealKey({ key: contentKey, deliverySecret, sessionPublicKey, purchaseId })
    const onChain = await deliver(purchaseId, sealed)
    const unsealed = unsealKey({
      sealedKey: onChain,
      sessionSecret,
      deliveryPublicKey: publicPoint(deliverySecret),
      purchaseId,
    })
    expect(unsealed).toBe(contentKey)

    const dispute = publicClient().simulateContract({
      account: buyer,
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'dispute',
      args: [purchaseId, BigInt(sessionSecret), onChain],
    })
    expect(await revertReason(dispute)).toBe('KeyswarmKeyIsValid')
  })

  test('a dispute must name the sealed key that was delivered, and come from the buyer', async () => {
    const contentId = await list('0x0000000000000000000000000000000000000000', price)
    const { purchaseId, sessionSecret, sessionPublicKey } = await purchase(contentId, 'commitment', price)
    const delivered = await deliver(
      purchaseId,
      sealKey({ key: contentKey, deliverySecret, sessionPublicKey, purchaseId }),
    )
    const other = xorKey(delivered, '0x0000000000000000000000000000000000000000000000000000000000000001')

    const dispute = (account: Account, sealedKey: Hex) =>
      publicClient().simulateContract({
        account,
        address: deployment.keyswarm,
        abi: keyswarmAbi,
        functionName: 'dispute',
        args: [purchaseId, BigInt(sessionSecret), sealedKey],
      })
    expect(await revertReason(dispute(buyer, other))).toBe('KeyswarmNotBuyerOrSealedKey')
    expect(await revertReason(dispute(creator, delivered))).toBe('KeyswarmNotBuyerOrSealedKey')
    expect(await revertReason(dispute(buyer, delivered))).toBe('KeyswarmKeyIsValid')
  })

  test('a tampered sealed key is proven wrong on chain and refunded in full', async () => {
    const contentId = await list('0x0000000000000000000000000000000000000000', price)
    const { purchaseId, sessionSecret, sessionPublicKey } = await purchase(contentId, 'tampered', price)
    const sealed = sealKey({ key: contentKey, deliverySecret, sessionPublicKey, purchaseId })
    const tampered = xorKey(sealed, '0x0000000000000000000000000000000000000000000000000000000000000001')
    const delivered = await deliver(purchaseId, tampered)

    const before = await publicClient().getBalance({ address: buyer.address })
    const receipt = await mined(
      wallet(buyer).writeContract({
        address: deployment.keyswarm,
        abi: keyswarmAbi,
        functionName: 'dispute',
        args: [purchaseId, BigInt(sessionSecret), delivered],
      }),
    )
    const after = await publicClient().getBalance({ address: buyer.address })
    expect(after).toBe(before - receipt.gasUsed * receipt.effectiveGasPrice + price)
    const [disputed] = parseEventLogs({ abi: keyswarmAbi, logs: receipt.logs, eventName: 'Disputed' })
    expect(disputed!.args).toEqual({ purchaseId, buyer: buyer.address, amount: price })
  })

  test('a key sealed to the wrong session is refunded in stablecoin too', async () => {
    const usd = deployment.stablecoin!
    await mined(
      wallet(buyer).writeContract({
        address: usd,
        abi: mockStablecoinAbi,
        functionName: 'mint',
        args: [buyer.address, 100_000_000n],
      }),
    )
    await mined(
      wallet(buyer).writeContract({
        address: usd,
        abi: mockStablecoinAbi,
        functionName: 'approve',
        args: [deployment.keyswarm, 5_000_000n],
      }),
    )
    const usdPrice = 5_000_000n
    const contentId = await list(usd, usdPrice)
    const { purchaseId, sessionSecret } = await purchase(contentId, 'stablecoin', 0n)
    const misdirected = sealKey({
      key: contentKey,
      deliverySecret,
      sessionPublicKey: publicPoint(deliverySecret),
      purchaseId,
    })
    const delivered = await deliver(purchaseId, misdirected)

    const balance = () =>
      publicClient().readContract({
        address: usd,
        abi: mockStablecoinAbi,
        functionName: 'balanceOf',
        args: [buyer.address],
      })
    const before = await balance()
    await mined(
      wallet(buyer).writeContract({
        address: deployment.keyswarm,
        abi: keyswarmAbi,
        functionName: 'dispute',
        args: [purchaseId, BigInt(sessionSecret), delivered],
      }),
    )
    expect(await balance()).toBe(before + usdPrice)
  })

  test('a seeding receipt signed with viem by the receipt key pays the seeder; the session secret signs nothing', async () => {
    const contentId = await list('0x0000000000000000000000000000000000000000', price)
    const { purchaseId, sessionSecret, sessionPublicKey, receiptSecret } = await purchase(contentId, 'receipt', price)
    await deliver(purchaseId, sealKey({ key: contentKey, deliverySecret, sessionPublicKey, purchaseId }))
    const info = await publicClient().readContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'purchases',
      args: [purchaseId],
    })
    const testClient = createTestClient({ mode: 'anvil', chain: foundry, transport: transport() })
    await testClient.setNextBlockTimestamp({ timestamp: info.disputeDeadline + 1n })
    await testClient.mine({ blocks: 1 })

    const seeder = seederAccount.address
    const bytes = size / 2n
    const typedData = receiptTypedData({ deployment, purchaseId, seeder, bytes })
    // b is what a dispute reveals: a receipt it signs is refused. Claims are sent by the seeder.
    const forged = await privateKeyToAccount(sessionSecret).signTypedData(typedData)
    const claim = (signature: Hex) =>
      wallet(seederAccount).writeContract({
        address: deployment.keyswarm,
        abi: keyswarmAbi,
        functionName: 'claim',
        args: [purchaseId, seeder, bytes, signature],
      })
    expect(await revertReason(claim(forged))).toBe('KeyswarmInvalidReceipt')
    await mined(claim(await privateKeyToAccount(receiptSecret).signTypedData(typedData)))
    const credited = await publicClient().readContract({
      address: deployment.keyswarm,
      abi: keyswarmAbi,
      functionName: 'balanceOf',
      args: [seeder, '0x0000000000000000000000000000000000000000'],
    })
    expect(credited).toBe((price * 2_000n) / 10_000n / 2n)
  })
})
