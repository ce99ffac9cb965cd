import { type Address, hexToBytes, isAddressEqual } from 'viem'
import { decodeReceiptsMessage } from './decodeReceiptsMessage'
import { encodeReceiptsMessage } from './encodeReceiptsMessage'
import { readHandshakePayee } from './readHandshakePayee'
import { PAYEE_HANDSHAKE_KEY, RECEIPTS_EXTENSION, type ReceiptMessage } from './receiptsProtocol'
import type { ReceiptsConfig, ReceiptsWire } from './receiptsSlot'

/** The part of a bittorrent-protocol wire the extension uses. */
export type ExtensionWire = {
  extendedHandshake: Record<string, unknown>
  peerExtendedMapping: Record<string, number>
  extended(ext: string, payload: Uint8Array): void
  once(event: 'close', listener: () => void): unknown
}

/** Parameters of {@link receiptsExtension}. */
export type ReceiptsExtensionParameters = {
  /** The torrent the wire belongs to. */
  infoHash: string
  /** The tab's current receipts settings (read on every use, so changes apply at once). */
  config(): ReceiptsConfig
  /** Open wires, for announcing a new payout address; each wire joins and leaves it. */
  wires?: Set<ReceiptsWire>
  /**
   * The least time between the starts of two checks of one peer's receipts (default 1 s). Receipts
   * are cumulative, so the newest one waiting is all that needs a check; a buyer's every-4-MiB
   * receipts then cost a seeder a signature recovery a second at most, not one per receipt.
   */
  checkGapMs?: number
}

/** One wire's receipts extension: what the peer announced, and the way to send it receipts. */
export type ReceiptsPeer = ReceiptsWire & {
  /** The address the peer is paid at, once it said so. */
  readonly payee: Address | undefined
  /** Sends the peer a signed receipt (when it speaks the extension). */
  sendReceipt(receipt: ReceiptMessage): void
}

/**
 * The BEP 10 extension that carries seeding receipts, for `wire.use(...)`. A seeder puts its
 * payout address in the extended handshake (and sends a `payee` message when it changes); a buyer
 * sends signed cumulative receipts naming it. Peers that do not speak it never see a message.
 * A receipt from the wire is handed on only when it names this tab's payee, one at a time and at
 * most one per `checkGapMs`: a newer one replaces the one waiting, so a flood costs one check at a
 * time. A seeder that closes its tab within that gap of a buyer's last receipt keeps the one before.
 *
 * @example
 * wire.use(receiptsExtension({ infoHash, config: () => receiptsSlot.config, wires: receiptsSlot.wires }))
 */
export function receiptsExtension({ infoHash, config, wires, checkGapMs = 1000 }: ReceiptsExtensionParameters) {
  class ReceiptsExtension implements ReceiptsPeer {
    payee: Address | undefined
    private supported = false
    private checking = false
    private waiting: ReceiptMessage | undefined
    private lastCheck = Number.NEGATIVE_INFINITY

    constructor(private readonly wire: ExtensionWire) {
      const own = config().payee
      if (own) wire.extendedHandshake[PAYEE_HANDSHAKE_KEY] = hexToBytes(own)
      wires?.add(this)
      wire.once('close', () => wires?.delete(this))
    }

    onExtendedHandshake(handshake: unknown): void {
      this.supported = true
      this.payee = readHandshakePayee(handshake)
    }

    onMessage(data: Uint8Array): void {
      const message = decodeReceiptsMessage(data)
      if (!message) return
      if (message.type === 'payee') {
        this.payee = message.payee
        return
      }
      const own = config().payee
      if (!own || !isAddressEqual(own, message.seeder)) return
      this.waiting = message
      if (!this.checking) void this.drain()
    }

    announce(payee: Address): void {
      this.send(encodeReceiptsMessage({ type: 'payee', payee }))
    }

    sendReceipt(receipt: ReceiptMessage): void {
      this.send(encodeReceiptsMessage(receipt))
    }

    private send(payload: Uint8Array): void {
      if (!this.supported || !this.wire.peerExtendedMapping[RECEIPTS_EXTENSION]) return
      this.wire.extended(RECEIPTS_EXTENSION, payload)
    }

    private async drain(): Promise<void> {
      this.checking = true
      try {
        while (this.waiting) {
          const wait = this.lastCheck + checkGapMs - Date.now()
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
          const receipt = this.waiting
          this.lastCheck = Date.now()
          this.waiting = undefined
          await config()
            .onReceipt?.(receipt, { infoHash })
            .catch((error: unknown) => console.warn('[keyswarm] receipt refused', error))
        }
      } finally {
        this.checking = false
      }
    }
  }
  Object.defineProperty(ReceiptsExtension.prototype, 'name', { value: RECEIPTS_EXTENSION })
  return ReceiptsExtension
}
