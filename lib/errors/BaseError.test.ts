import { describe, expect, test } from 'vitest'
import { BaseError } from './BaseError'

class ShelfError extends BaseError {
  override name = 'ShelfError'
}

class EmptyShelfError extends ShelfError {
  override name = 'EmptyShelfError'
  constructor(options?: { cause?: unknown }) {
    super('The shelf is empty: add a torrent first.', options)
  }
}

describe('BaseError', () => {
  test('keeps the sentence as the message when there is nothing more to say', () => {
    const error = new EmptyShelfError()
    expect(error.message).toBe('The shelf is empty: add a torrent first.')
    expect(error.shortMessage).toBe(error.message)
    expect(error.name).toBe('EmptyShelfError')
    expect(error).toBeInstanceOf(ShelfError)
    expect(error).toBeInstanceOf(BaseError)
    expect(error.cause).toBeUndefined()
  })

  test('adds meta messages and details after the sentence, for the log', () => {
    const error = new ShelfError('The shelf could not be read.', {
      metaMessages: ['Shelf: 3'],
      details: 'IndexedDB closed',
    })
    expect(error.message).toBe('The shelf could not be read.\n\nShelf: 3\nDetails: IndexedDB closed')
    expect(error.shortMessage).toBe('The shelf could not be read.')
    expect(error.details).toBe('IndexedDB closed')
  })

  test('walks its cause chain to the first error a test accepts, or to the innermost without one', () => {
    const root = new DOMException('quota', 'QuotaExceededError')
    const middle = new EmptyShelfError({ cause: root })
    const outer = new ShelfError('Nothing was saved.', { cause: middle })
    expect(outer.walk((e) => e instanceof EmptyShelfError)).toBe(middle)
    expect(outer.walk((e) => e instanceof DOMException)).toBe(root)
    expect(outer.walk((e) => e instanceof TypeError)).toBeNull()
    expect(outer.walk()).toBe(root)
    expect(outer.walk((e) => e === outer)).toBe(outer)
  })

  test('ends a walk at a cause chain that loops', () => {
    const a = new ShelfError('a')
    const b = new ShelfError('b', { cause: a })
    ;(a as { cause?: unknown }).cause = b
    expect(b.walk((e) => e === 'never')).toBeNull()
    expect(b.walk()).toBe(a)
  })
})
