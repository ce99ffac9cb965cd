import { EventEmitter } from 'node:events'
import type { Address, Hex } from 'viem'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import type { OwedRecord } from './owedBytes'
import type { ReceiptMessage } from './receiptsProtocol'
import { type ReceiptLedger, type ReceiptSigner, type ReceiptsConfig, receiptsSlot } from './receiptsSlot'
import { trackReceipts } from './trackReceipts'

const MiB = 1024 * 1024
const seeder: Address = '0x1111111111111111111111111111111111111111'
const before = receiptsSlot.config

afterEach(() => {
  receiptsSlot.config = before
})

/** Stands in for WebTorrent's torrent and one wire of it: the events trackReceipts listens to, nothing else. */
function fakeSwarm({ pieces, payee }: { pieces: number; payee?: Address }) {
  const torrent = Object.assign(new EventEmitter(), {
    infoHash: 'aa'.repeat(20),
    pieceLength: MiB,
    length: pieces * MiB,
    pieces: new Array(pieces).fill(null),
  })
  const sent: ReceiptMessage[] = []
  const wire = Object.assign(new EventEmitter(), {
    type: 'webrtc',
    ks_receipts: payee ? { payee, sendReceipt: (receipt: ReceiptMessage) => sent.push(receipt) } : undefined,
    use() {},
  })
  trackReceipts(torrent as unknown as Torrent)
  torrent.emit('wire', wire)
  /** Piece `index` arrives whole from the wire and passes the hash check. */
  const serve = (index: number) => {
    wire.emit('piece', index, 0, new Uint8Array(MiB))
    torrent.emit('verified', index)
  }
  return { torrent, serve, sent }
}

/** A purchase's signer whose ledger is kept in memory, as IndexedDB would keep it across loads. */
function signerWith(kept: { record?: OwedRecord; saves?: number }): ReceiptSigner {
  const ledger: ReceiptLedger = {
    load: async () => kept.record,
    save: async (record) => {
      kept.record = record
      kept.saves = (kept.saves ?? 0) + 1
    },
  }
  return { chainId: 31337, purchaseId: 9n, sign: async () => `0x${'ab'.repeat(65)}` as Hex, ledger }
}

const configure = (signer: ReceiptSigner, changes: Partial<ReceiptsConfig> = {}) => {
  receiptsSlot.config = { ...before, enabled: true, interval: 4 * MiB, signerFor: async () => signer, ...changes }
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
  expect(check()).toBe(true)
}

describe('trackReceipts', () => {
  test('after a reload, the next receipt to a seeder counts what it served before the reload too', async () => {
    const kept: { record?: OwedRecord } = {}
    configure(signerWith(kept))
    const first = fakeSwarm({ pieces: 10, payee: seeder })
    for (let index = 0; index < 5; index++) first.serve(index)
    // One receipt once 4 MiB are in; it carries all that is verified by the time it is signed.
    await until(() => first.sent.length === 1)
    expect(first.sent[0]!.bytes).toBe(BigInt(5 * MiB))
    await until(() => kept.record?.[seeder]?.served === String(5 * MiB))
    first.torrent.emit('close')

    // The page reloads: a new count, the same purchase. Two more pieces come, then the download ends.
    const second = fakeSwarm({ pieces: 10, payee: seeder })
    second.serve(5)
    second.serve(6)
    second.torrent.emit('done')
    await until(() => second.sent.length === 1)
    expect(second.sent[0]!.bytes).toBe(BigInt(7 * MiB))
    await until(() => kept.record?.[seeder]?.signed === String(7 * MiB))
    expect(kept.record?.[seeder]?.served).toBe(String(7 * MiB))
  })

  test('a receipt no wire can carry stays owed, and is sent once the seeder is back', async () => {
    const kept: { record?: OwedRecord; saves?: number } = {}
    configure(signerWith(kept))
    // Bytes credited to the seeder, whose wire closes before any receipt could go.
    const gone = fakeSwarm({ pieces: 10, payee: seeder })
    gone.serve(0)
    await until(() => kept.record?.[seeder]?.served === String(MiB))
    gone.torrent.emit('close')

    // Another load where the seeder never connects: nothing is signed, so nothing is lost.
    const saves = kept.saves ?? 0
    const alone = fakeSwarm({ pieces: 10 })
    alone.torrent.emit('done')
    // It saves once it has read the ledger and tried to send what is owed.
    await until(() => (kept.saves ?? 0) > saves)
    expect(kept.record?.[seeder]).toEqual({ served: String(MiB), signed: '0' })

    const back = fakeSwarm({ pieces: 10, payee: seeder })
    back.torrent.emit('done')
    await until(() => back.sent.length === 1)
    expect(back.sent[0]!.bytes).toBe(BigInt(MiB))
  })

  test('a download that pauses acknowledges what it got ten seconds after its last verified piece', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    try {
      configure(signerWith({}))
      const paused = fakeSwarm({ pieces: 10, payee: seeder })
      paused.serve(0)
      await vi.advanceTimersByTimeAsync(5000)
      paused.serve(1)
      // Ten seconds after the first piece the download is still busy (the second came at 5 s).
      await vi.advanceTimersByTimeAsync(9999)
      expect(paused.sent).toEqual([])
      await vi.advanceTimersByTimeAsync(1)
      expect(paused.sent.map((receipt) => receipt.bytes)).toEqual([BigInt(2 * MiB)])
    } finally {
      vi.useRealTimers()
    }
  })
})
