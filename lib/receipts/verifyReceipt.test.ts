/** A seeder's check of receipts from the wire, against a real anvil chain. */
import { keccak256, stringToHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buyForTest } from '../../tests/unit-helpers/buyForTest'
import { listForTest } from '../../tests/unit-helpers/listForTest'
import { type TestChain, startTestChain } from '../../tests/unit-helpers/startTestChain'
import { receiptTypedData } from '../chain/receiptTypedData'
import type { ReceiptMessage } from '../torrent/receiptsProtocol'
import { ReceiptRefusedError } from './errors'
import { verifyReceipt } from './verifyReceipt'

const infoHash = '44'.repeat(20)
const signer = privateKeyToAccount(keccak256(stringToHex('verifyReceipt test receipt key')))
const stranger = privateKeyToAccount(keccak256(stringToHex('verifyReceipt test stranger')))
const seeder = privateKeyToAccount(keccak256(stringToHex('verifyReceipt test seeder'))).address

let chain: TestChain
let purchaseId: bigint

beforeAll(async () => {
  chain = await startTestChain()
  const contentId = await listForTest(chain, { creator: 1, infoHash: `0x${infoHash}`, size: 1_000_000n })
  purchaseId = await buyForTest(chain, { buyer: 2, contentId, receiptSigner: signer.address })
}, 180_000)

afterAll(async () => {
  await chain?.stop()
})

async function receipt(bytes: bigint, by = signer, changes: Partial<ReceiptMessage> = {}): Promise<ReceiptMessage> {
  const { deployment } = chain
  const signature = await by.signTypedData(receiptTypedData({ deployment, purchaseId, seeder, bytes }))
  return { type: 'receipt', chainId: deployment.chainId, purchaseId, seeder, bytes, signature, ...changes }
}

describe('verifyReceipt', () => {
  test('keeps a receipt signed by the purchase’s receipt key, with its listing', async () => {
    const held = await verifyReceipt(chain.client, {
      deployment: chain.deployment,
      receipt: await receipt(5000n),
      infoHash,
    })
    expect(held).toMatchObject({ purchaseId: String(purchaseId), seeder, bytes: '5000', infoHash })
  })

  test('refuses a receipt signed by any other key', async () => {
    const forged = await receipt(5000n, stranger)
    await expect(
      verifyReceipt(chain.client, { deployment: chain.deployment, receipt: forged, infoHash }),
    ).rejects.toThrow(/not signed by the purchase’s receipt key/)
  })

  test('refuses a receipt whose numbers were changed after signing', async () => {
    const changed = { ...(await receipt(5000n)), bytes: 6000n }
    await expect(
      verifyReceipt(chain.client, { deployment: chain.deployment, receipt: changed, infoHash }),
    ).rejects.toBeInstanceOf(ReceiptRefusedError)
  })

  test('refuses more bytes than the listing’s size', async () => {
    await expect(
      verifyReceipt(chain.client, { deployment: chain.deployment, receipt: await receipt(1_000_001n), infoHash }),
    ).rejects.toThrow(/not within the listing/)
  })

  test('refuses a receipt that came in on another torrent', async () => {
    await expect(
      verifyReceipt(chain.client, {
        deployment: chain.deployment,
        receipt: await receipt(10n),
        infoHash: '55'.repeat(20),
      }),
    ).rejects.toThrow(/another listing/)
  })

  test('refuses a purchase the chain does not know, and another chain’s receipt', async () => {
    const unknown = { ...(await receipt(10n)), purchaseId: purchaseId + 100n }
    await expect(
      verifyReceipt(chain.client, { deployment: chain.deployment, receipt: unknown, infoHash }),
    ).rejects.toThrow(/no such purchase/)
    const elsewhere = await receipt(10n, signer, { chainId: 1 })
    await expect(
      verifyReceipt(chain.client, { deployment: chain.deployment, receipt: elsewhere, infoHash }),
    ).rejects.toThrow(/for chain 1/)
  })
})
