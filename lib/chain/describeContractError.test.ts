import { BaseError, ContractFunctionRevertedError, encodeErrorResult, zeroAddress, zeroHash } from 'viem'
import { describe, expect, test } from 'vitest'
import { formatError } from '../formatError'
import { keyswarmAbi } from './abi/keyswarmAbi'
import { describeContractError } from './describeContractError'

describe('describeContractError', () => {
  test('says in words why a purchase reverted, from raw revert data deep in the cause chain', () => {
    const data = encodeErrorResult({ abi: keyswarmAbi, errorName: 'KeyswarmListingInactive', args: [7n] })
    const error = new BaseError('Execution reverted.', { cause: Object.assign(new Error('rpc'), { data }) })
    expect(describeContractError(error)).toBe('Listing #7 is paused by its creator: it cannot be bought now.')
    expect(formatError(error)).toBe('Listing #7 is paused by its creator: it cannot be bought now.')
  })

  test('reads the error viem already decoded', () => {
    const data = encodeErrorResult({ abi: keyswarmAbi, errorName: 'KeyswarmDeliveryPending', args: [3n, 100n] })
    const reverted = new ContractFunctionRevertedError({ abi: keyswarmAbi, data, functionName: 'refund' })
    expect(formatError(new BaseError('call failed', { cause: reverted }))).toMatch(
      /still has time to deliver purchase #3/,
    )
  })

  test('has a sentence of its own for every error the Keyswarm contract can revert with', () => {
    for (const item of keyswarmAbi) {
      if (item.type !== 'error') continue
      const args = item.inputs.map((input) =>
        input.type === 'address'
          ? zeroAddress
          : input.type === 'string'
            ? ''
            : input.type === 'bytes32'
              ? zeroHash
              : 1n,
      )
      const data = encodeErrorResult({ abi: [item], errorName: item.name, args } as never)
      expect(describeContractError({ data }), item.name).not.toMatch(/refused the transaction/)
    }
  })

  test('leaves errors that are not reverts alone', () => {
    expect(describeContractError(new Error('network down'))).toBeUndefined()
  })
})
