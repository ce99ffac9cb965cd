import { HttpRequestError, InvalidParamsRpcError, LimitExceededRpcError, RpcRequestError, TimeoutError } from 'viem'
import { expect, test } from 'vitest'
import { classifyRpcError } from './classifyRpcError'

/** An error as viem raises it for a JSON-RPC error object from the endpoint. */
const rpc = (code: number, message: string) =>
  new RpcRequestError({ body: {}, url: 'https://rpc.example', error: { code, message } })

test('reads every provider’s “too many blocks” refusal as a range to split, with the limit it names', () => {
  expect(classifyRpcError(new InvalidParamsRpcError(rpc(-32602, 'range 5000 exceeds limit of 2000')))).toEqual({
    kind: 'range',
    limit: 2000,
  })
  expect(
    classifyRpcError(
      rpc(
        -32600,
        'You can make eth_getLogs requests with up to a 2K block range. Based on your parameters, this block range should work: [0x10, 0x80f]',
      ),
    ),
  ).toEqual({ kind: 'range', limit: 2048 })
  expect(classifyRpcError(rpc(-32614, 'eth_getLogs is limited to a 10,000 range'))).toEqual({
    kind: 'range',
    limit: 10000,
  })
  expect(classifyRpcError(rpc(-32000, 'exceed maximum block range: 50000'))).toEqual({ kind: 'range', limit: 50000 })
  expect(classifyRpcError(rpc(-32602, 'maximum [from, to] blocks distance: 10000'))).toEqual({
    kind: 'range',
    limit: 10000,
  })
  expect(classifyRpcError(rpc(-32600, 'block range is too wide'))).toEqual({ kind: 'range' })
  expect(classifyRpcError(rpc(-32000, 'block range too large'))).toEqual({ kind: 'range' })
  expect(classifyRpcError(rpc(-32000, 'please limit the query to at most 1000 blocks'))).toEqual({
    kind: 'range',
    limit: 1000,
  })
})

test('reads “too many results” as a range to split, even under -32005 and “limit exceeded”', () => {
  expect(classifyRpcError(new LimitExceededRpcError(rpc(-32005, 'query returned more than 10000 results')))).toEqual({
    kind: 'range',
  })
  expect(classifyRpcError(rpc(-32005, 'limit exceeded: eth_getLogs returned more than 10,000 results'))).toEqual({
    kind: 'range',
  })
  expect(classifyRpcError(rpc(-32602, 'query exceeds max results 20000, retry with the range 1-200'))).toEqual({
    kind: 'range',
  })
  expect(
    classifyRpcError(rpc(-32005, 'query returned more than 10000 results. Try with this block range [0x1F4, 0x2BC].')),
  ).toEqual({ kind: 'range', limit: 201 })
})

test('reads rate limits as waits, not as ranges', () => {
  expect(classifyRpcError(new HttpRequestError({ url: 'https://rpc.example', status: 429, body: {} }))).toEqual({
    kind: 'rate',
  })
  expect(classifyRpcError(new LimitExceededRpcError(rpc(-32005, 'limit exceeded')))).toEqual({ kind: 'rate' })
  expect(classifyRpcError(rpc(-32005, 'project ID request rate exceeded'))).toEqual({ kind: 'rate' })
  expect(classifyRpcError(rpc(429, 'Your app has exceeded its compute units per second capacity.'))).toEqual({
    kind: 'rate',
  })
})

test('reads outages and garbled answers as transient, and everything else as final', () => {
  expect(classifyRpcError(new HttpRequestError({ url: 'https://rpc.example', status: 503, body: {} }))).toEqual({
    kind: 'transient',
  })
  expect(classifyRpcError(new TimeoutError({ body: {}, url: 'https://rpc.example' }))).toEqual({ kind: 'transient' })
  expect(classifyRpcError(new HttpRequestError({ url: 'https://rpc.example', details: 'fetch failed' }))).toEqual({
    kind: 'transient',
  })
  expect(classifyRpcError(rpc(-32601, 'the method eth_getLogs does not exist/is not available'))).toEqual({
    kind: 'fatal',
  })
})
