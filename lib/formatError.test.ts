import { BaseError, UserRejectedRequestError } from 'viem'
import { describe, expect, test } from 'vitest'
import { formatError } from './formatError'

describe('formatError', () => {
  test('says a rejected wallet request in words, however deep the cause', () => {
    const rejected = new UserRejectedRequestError(new Error('User denied'))
    expect(formatError(new BaseError('Transaction failed', { cause: rejected }))).toBe(
      'You rejected the request in your wallet.',
    )
    expect(formatError({ code: 4001, message: 'User rejected the request.' })).toBe('You rejected the request in your wallet.')
  })

  test("keeps viem's short message and drops its technical footer", () => {
    const error = new BaseError('The contract function "purchase" reverted.', { details: 'execution reverted' })
    expect(formatError(error)).toBe('The contract function "purchase" reverted.')
    expect(formatError(error)).not.toMatch(/Version|Details/)
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
