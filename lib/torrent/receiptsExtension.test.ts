import Wire from 'bittorrent-protocol'
import { privateKeyToAccount } from 'viem/accounts'
import { describe, expect, test, vi } from 'vitest'
import { type ReceiptMessage } from './receiptsProtocol'
import { type ReceiptsPeer, receiptsExtension } from './receiptsExtension'
import type { ReceiptsConfig, ReceiptsWire } from './receiptsSlot'

const infoHash = 'aa'.repeat(20)
const seeder = privateKeyToAccount(`0x${'11'.repeat(32)}`).address
const other = privateKeyToAccount(`0x${'22'.repeat(32)}`).address
const receipt: ReceiptMessage = {
  type: 'receipt',
  chainId: 31337,
  purchaseId: 4n,
  seeder,
  bytes: 4n * 1024n * 1024n,
  signature: `0x${'cd'.repeat(64)}1c`,
}

type TestWire = InstanceType<typeof Wire> & { ks_receipts?: ReceiptsPeer }

/**
 * Two wires piped together, each with its own config; `plain` leaves the second without the
 * extension. The seeder checks receipts without a gap unless `checkGapMs` says otherwise.
 */
async function connect(
  seederConfig: ReceiptsConfig,
  buyerConfig: ReceiptsConfig,
  { plain = false, checkGapMs = 0 } = {},
) {
  const seederWire: TestWire = new Wire()
  const buyerWire: TestWire = new Wire()
  seederWire.pipe(buyerWire).pipe(seederWire)
  const seederWires = new Set<ReceiptsWire>()
  seederWire.use(receiptsExtension({ infoHash, config: () => seederConfig, wires: seederWires, checkGapMs }))
  if (!plain) buyerWire.use(receiptsExtension({ infoHash, config: () => buyerConfig }))
  const handshakes = Promise.all([
    new Promise((resolve) => seederWire.once('extended', resolve)),
    new Promise((resolve) => buyerWire.once('extended', resolve)),
  ])
  seederWire.handshake(infoHash, 'bb'.repeat(20), { dht: false })
  buyerWire.handshake(infoHash, 'cc'.repeat(20), { dht: false })
  await handshakes
  return { seederWire, buyerWire, seederWires }
}

const config = (changes: Partial<ReceiptsConfig> = {}): ReceiptsConfig => ({
  enabled: true,
  interval: 1024,
  ...changes,
})

describe('receiptsExtension', () => {
  test('a buyer learns the seeder’s payout address from the handshake', async () => {
    const { buyerWire } = await connect(config({ payee: seeder }), config())
    expect(buyerWire.ks_receipts?.payee).toBe(seeder)
  })

  test('a receipt sent by the buyer reaches the seeder it names', async () => {
    const onReceipt = vi.fn(async () => {})
    const { buyerWire } = await connect(config({ payee: seeder, onReceipt }), config())
    buyerWire.ks_receipts!.sendReceipt(receipt)
    await vi.waitFor(() => expect(onReceipt).toHaveBeenCalledWith(receipt, { infoHash }))
  })

  test('a receipt naming another seeder is dropped before any check', async () => {
    const onReceipt = vi.fn(async () => {})
    const { buyerWire, seederWire } = await connect(config({ payee: seeder, onReceipt }), config())
    const seen = new Promise((resolve) =>
      seederWire.on('extended', (ext: unknown) => ext !== 'handshake' && resolve(ext)),
    )
    buyerWire.ks_receipts!.sendReceipt({ ...receipt, seeder: other })
    await seen
    expect(onReceipt).not.toHaveBeenCalled()
  })

  test('a seeder whose wallet changes tells connected buyers', async () => {
    const { buyerWire, seederWires } = await connect(config({ payee: seeder }), config())
    for (const wire of seederWires) wire.announce(other)
    await vi.waitFor(() => expect(buyerWire.ks_receipts?.payee).toBe(other))
  })

  test('malformed messages are ignored and the wire keeps working', async () => {
    const onReceipt = vi.fn(async () => {})
    const { buyerWire } = await connect(config({ payee: seeder, onReceipt }), config())
    buyerWire.extended('ks_receipts', new Uint8Array([2, 1, 2, 3]))
    buyerWire.extended('ks_receipts', new Uint8Array(5000))
    buyerWire.ks_receipts!.sendReceipt(receipt)
    await vi.waitFor(() => expect(onReceipt).toHaveBeenCalledTimes(1))
  })

  test('checks one receipt at a time, keeping only the newest that waits', async () => {
    let release = () => {}
    const onReceipt = vi.fn(() => new Promise<void>((resolve) => (release = resolve)))
    const { buyerWire } = await connect(config({ payee: seeder, onReceipt }), config())
    for (let i = 1n; i <= 5n; i++) buyerWire.ks_receipts!.sendReceipt({ ...receipt, bytes: i })
    await vi.waitFor(() => expect(onReceipt).toHaveBeenCalledTimes(1))
    await new Promise((resolve) => setTimeout(resolve, 50))
    release()
    await vi.waitFor(() => expect(onReceipt).toHaveBeenCalledTimes(2))
    release()
    expect((onReceipt.mock.calls[1] as unknown as [ReceiptMessage])[0].bytes).toBe(5n)
  })

  test('checks a peer’s receipts at most once per gap, and then only the newest', async () => {
    const onReceipt = vi.fn(async (_message: ReceiptMessage) => {})
    const { buyerWire, seederWire } = await connect(config({ payee: seeder, onReceipt }), config(), { checkGapMs: 300 })
    // Fake clocks (vi.waitFor would move them, so arrivals are awaited on the wire itself).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const arrivals = (n: number) =>
      new Promise<void>((resolve) => {
        let count = 0
        const counted = () => {
          if (++count < n) return
          seederWire.off('extended', counted)
          resolve()
        }
        seederWire.on('extended', counted)
      })
    try {
      const first = arrivals(1)
      buyerWire.ks_receipts!.sendReceipt({ ...receipt, bytes: 1n })
      await first
      await vi.advanceTimersByTimeAsync(0)
      expect(onReceipt).toHaveBeenCalledTimes(1)
      const more = arrivals(4)
      for (let i = 2n; i <= 5n; i++) buyerWire.ks_receipts!.sendReceipt({ ...receipt, bytes: i })
      await more
      await vi.advanceTimersByTimeAsync(299)
      expect(onReceipt).toHaveBeenCalledTimes(1)
      await vi.advanceTimersByTimeAsync(1)
      expect(onReceipt).toHaveBeenCalledTimes(2)
      expect(onReceipt.mock.calls.map(([message]) => message.bytes)).toEqual([1n, 5n])
    } finally {
      vi.useRealTimers()
    }
  })

  test('a peer without the extension gets no receipts and no payee messages', async () => {
    const { seederWire, buyerWire, seederWires } = await connect(config({ payee: seeder }), config(), { plain: true })
    const messages: unknown[] = []
    buyerWire.on('extended', (ext: unknown) => ext !== 'handshake' && messages.push(ext))
    for (const wire of seederWires) wire.announce(other)
    seederWire.ks_receipts!.sendReceipt(receipt)
    // The seeder's keep-alive arrives after anything it sent before it.
    const flushed = new Promise((resolve) => buyerWire.once('keep-alive', resolve))
    seederWire.keepAlive()
    await flushed
    expect(messages).toEqual([])
  })
})
