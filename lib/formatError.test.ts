import { ConnectorNotConnectedError } from '@wagmi/core'
import { BaseError, UserRejectedRequestError, encodeErrorResult } from 'viem'
import { describe, expect, test } from 'vitest'
import { keyswarmAbi } from './chain/abi/keyswarmAbi'
import { TransactionRevertedError } from './chain/errors'
import { WrongKeyError } from './crypto/errors'
import { formatError } from './formatError'
import { StorageFullError } from './torrent/errors'

describe('formatError', () => {
  test('says a rejected wallet request in words, however deep the cause', () => {
    const rejected = new UserRejectedRequestError(new Error('User denied'))
    expect(formatError(new BaseError('Transaction failed', { cause: rejected }))).toBe(
      'You rejected the request in your wallet.',
    )
    expect(formatError({ code: 4001, message: 'User rejected the request.' })).toBe(
      'You rejected the request in your wallet.',
    )
  })

  test("keeps viem's short message and drops its technical footer", () => {
    const error = new BaseError('The contract function "purchase" reverted.', { details: 'execution reverted' })
    expect(formatError(error)).toBe('The contract function "purchase" reverted.')
    expect(formatError(error)).not.toMatch(/Version|Details/)
  })

  test("says Keyswarm's own sentence, not its details or the cause's", () => {
    const error = new WrongKeyError({ cause: new DOMException('The operation failed', 'OperationError') })
    expect(formatError(error)).toBe('This key does not open this file: it belongs to another listing or file.')
  })

  test("says wagmi's errors and the browser's DOMExceptions in their own first sentence", () => {
    expect(formatError(new ConnectorNotConnectedError())).toBe('Connector not connected.')
    expect(formatError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(
      'The quota has been exceeded.',
    )
    expect(formatError(new StorageFullError({ cause: new DOMException('quota', 'QuotaExceededError') }))).toMatch(
      /storage for this site is full/,
    )
  })

  test("writes a revert's amount in the listing token's decimals", () => {
    const data = encodeErrorResult({
      abi: keyswarmAbi,
      errorName: 'KeyswarmPriceAboveMax',
      args: [5_000_000n, 4_000_000n],
    })
    const error = new TransactionRevertedError('purchase', { cause: Object.assign(new Error('rpc'), { data }) })
    expect(formatError(error, { unit: { symbol: 'mUSD', decimals: 6 } })).toBe(
      'The price changed to 5 mUSD since this page loaded: check it and try again.',
    )
    expect(formatError(error)).toBe('The price changed since this page loaded: check the new price and try again.')
  })

  test('falls back to a generic sentence for things that are not errors', () => {
    expect(formatError(undefined)).toBe('Something went wrong.')
    expect(formatError('Tracker unreachable')).toBe('Tracker unreachable')
  })

  test('survives a cause chain that loops', () => {
    const a: { message: string; cause?: unknown } = { message: 'outer' }
    a.cause = { message: 'inner', cause: a }
    expect(formatError(a)).toBe('outer')
  })
})
