import type { Torrent } from 'webtorrent/dist/webtorrent.min.js'
import type { Address } from 'viem'
import { owedBytes } from './owedBytes'
import { type ExtensionWire, type ReceiptsPeer, receiptsExtension } from './receiptsExtension'
import { type ReceiptSigner, receiptsSlot } from './receiptsSlot'
import { verifiedBytes } from './verifiedBytes'

type PeerWire = ExtensionWire & {
  type?: string
  ks_receipts?: ReceiptsPeer
  use(extension: unknown): void
  on(event: 'piece', listener: (index: number, offset: number, block: Uint8Array) => void): unknown
}

/** How long a torrent without a purchase waits before asking again for its receipt signer. */
const SIGNER_RETRY_MS = 5000
const FAILED_PIECE = /Piece (\d+) failed verification/
/** A download that pauses (a viewer stopped watching) still acknowledges what it got, after this long. */
const IDLE_FLUSH_MS = 10_000
/** Owed bytes are written to the purchase's ledger at most this often. */
const SAVE_EVERY_MS = 1000

/**
 * Runs the receipts extension on every wire of `torrent`: announces this tab's payout address to
 * peers, and, when this tab holds a purchase of the torrent, counts the verified bytes each paid
 * seeder delivered and sends it a signed cumulative receipt every `interval` bytes, when the
 * download completes and when it pauses. What each seeder is owed is kept with the purchase (its
 * signer's ledger) and carries over a reload. Web seeds and peers without the extension are served and counted as usual,
 * and never receive a receipt.
 *
 * @example
 * client.on('add', trackReceipts)
 */
export function trackReceipts(torrent: Torrent): void {
  if (!receiptsSlot.config.enabled) return
  const counts = verifiedBytes<Address | null>()
  const owed = owedBytes()
  const peers = new Set<PeerWire>()
  let signer: Promise<ReceiptSigner | undefined> | undefined
  let askedAt = 0
  let idle: ReturnType<typeof setTimeout> | undefined
  // The counts of earlier page loads of this purchase, merged once its signer is known; nothing is
  // signed or saved before, so a reload neither re-signs old bytes nor overwrites them.
  let restored: Promise<ReceiptSigner> | undefined
  let ledgerOf: ReceiptSigner | undefined
  let saving: ReturnType<typeof setTimeout> | undefined

  const signerNow = (): Promise<ReceiptSigner | undefined> => {
    const find = receiptsSlot.config.signerFor
    if (!find) return Promise.resolve(undefined)
    if (!signer || Date.now() - askedAt > SIGNER_RETRY_MS) {
      askedAt = Date.now()
      const asked: Promise<ReceiptSigner | undefined> = find(torrent.infoHash).then(
        (found) => {
          // Found once, kept for the torrent's life: a purchase does not change.
          if (found) askedAt = Number.POSITIVE_INFINITY
          return found
        },
        (error: unknown) => {
          console.warn('[keyswarm] no receipt signer', error)
          return undefined
        },
      )
      signer = asked
    }
    return signer
  }

  const restore = (found: ReceiptSigner): Promise<ReceiptSigner> => {
    restored ??= (found.ledger?.load() ?? Promise.resolve(undefined)).then(
      (kept) => {
        owed.restore(kept)
        ledgerOf = found
        save()
        return found
      },
      (error: unknown) => {
        console.warn('[keyswarm] the bytes owed from an earlier visit could not be read', error)
        ledgerOf = found
        return found
      },
    )
    return restored
  }

  const save = () => {
    if (!ledgerOf?.ledger || saving) return
    const { ledger } = ledgerOf
    saving = setTimeout(() => {
      saving = undefined
      ledger.save(owed.snapshot()).catch((error: unknown) => console.warn('[keyswarm] owed bytes not kept', error))
    }, SAVE_EVERY_MS)
  }

  /** Whether `seeder` is owed a receipt now: a receipt's worth of bytes, or any at all when `force`d. */
  const due = (seeder: Address, force: boolean) => {
    const { served, signed } = owed.get(seeder)
    return served > signed && (force || served - signed >= BigInt(receiptsSlot.config.interval))
  }

  const sendReceipt = async (seeder: Address, force: boolean) => {
    const signerFound = await signerNow()
    if (!signerFound) return
    const found = await restore(signerFound)
    // Asked again: the counts of earlier loads may have come in meanwhile.
    if (!due(seeder, force)) return
    const { served: bytes } = owed.get(seeder)
    // A receipt no wire can carry now stays owed, for when that seeder is back.
    const wires = [...peers].filter((wire) => wire.ks_receipts?.payee?.toLowerCase() === seeder.toLowerCase())
    if (!wires.length) return
    // Claimed at most once per receipt, and a later one always carries at least as much.
    owed.signed(seeder, bytes)
    save()
    const signature = await found.sign({ seeder, bytes })
    const receipt = {
      type: 'receipt' as const,
      chainId: found.chainId,
      purchaseId: found.purchaseId,
      seeder,
      bytes,
      signature,
    }
    for (const wire of wires) wire.ks_receipts?.sendReceipt(receipt)
  }
  // Checked before anything async: most verified pieces owe no receipt yet, and cost no promise.
  const send = (seeder: Address, force: boolean) => {
    if (!due(seeder, force)) return
    sendReceipt(seeder, force).catch((error: unknown) => console.warn('[keyswarm] receipt not sent', error))
  }

  // One idle timer, re-armed when it fires early, rather than a new timer per verified piece:
  // creating timers showed as a fifth of the buyer's receipts cost in a profile.
  let lastVerified = 0
  const whenIdle = () => {
    const quiet = Date.now() - lastVerified
    if (quiet >= IDLE_FLUSH_MS) {
      idle = undefined
      flush()
    } else idle = setTimeout(whenIdle, IDLE_FLUSH_MS - quiet)
  }

  torrent.on('wire', (wire: PeerWire) => {
    if (wire.type === 'webSeed') return
    wire.use(
      receiptsExtension({ infoHash: torrent.infoHash, config: () => receiptsSlot.config, wires: receiptsSlot.wires }),
    )
    peers.add(wire)
    wire.once('close', () => peers.delete(wire))
    wire.on('piece', (index, _offset, block) => counts.received(index, wire.ks_receipts?.payee ?? null, block.length))
  })
  torrent.on('verified', (index: number) => {
    const pieceLength =
      index === torrent.pieces.length - 1 ? torrent.length - index * torrent.pieceLength : torrent.pieceLength
    for (const [seeder, bytes] of counts.verified(index, pieceLength)) {
      if (!seeder) continue
      owed.add(seeder, BigInt(bytes))
      save()
      send(seeder, false)
    }
    // Bytes below a receipt's worth are owed too: load the purchase's ledger so they are kept.
    if (!restored) void signerNow().then((found) => found && restore(found))
    lastVerified = Date.now()
    idle ??= setTimeout(whenIdle, IDLE_FLUSH_MS)
  })
  torrent.on('warning', (warning: unknown) => {
    const failed = FAILED_PIECE.exec(String((warning as Error)?.message ?? warning))
    if (failed) counts.failed(Number(failed[1]))
  })
  // Also what earlier loads left owed: a seeder's bytes from before a reload are due even when it
  // served nothing since.
  const flush = () => {
    void signerNow()
      .then((found) => found && restore(found))
      .then(() => {
        for (const seeder of owed.seeders()) send(seeder, true)
      })
  }
  torrent.on('done', flush)
  torrent.once('close', () => {
    clearTimeout(idle)
    if (saving) {
      clearTimeout(saving)
      saving = undefined
      ledgerOf?.ledger?.save(owed.snapshot()).catch((error: unknown) => console.warn('[keyswarm] owed bytes not kept', error))
    }
  })
}
