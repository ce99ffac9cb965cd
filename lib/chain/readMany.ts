import type { ContractFunctionParameters, MulticallReturnType, PublicClient } from 'viem'
import { multicall3Address } from '../config'

/** Options of {@link readMany}. */
export type ReadManyOptions = {
  /**
   * Results already read, by contract, function and arguments: reads found here are not sent
   * again, and new results are added. A page that reads in rounds (as its logs arrive) hands the
   * same map to each round, so each round asks only for what is new.
   */
  memo?: Map<string, unknown>
}

/**
 * Many contract reads in a few `eth_call`s through Multicall3 (at the chain's configured address,
 * else its canonical one), instead of one request per read: /library's listings and sales, the
 * agent's purchase states. Any failed read fails the whole batch.
 * @example
 * const [a, b] = await readMany(client, [{ address, abi, functionName: 'listings', args: [1n] }, ...])
 */
export async function readMany<const contracts extends readonly ContractFunctionParameters[]>(
  client: PublicClient,
  contracts: contracts,
  { memo }: ReadManyOptions = {},
): Promise<MulticallReturnType<contracts, false>> {
  const keys = memo
    ? contracts.map((c) => `${c.address.toLowerCase()}:${c.functionName}:${String(c.args?.map(String) ?? '')}`)
    : []
  const missingAt = contracts.flatMap((_, i) => (memo?.has(keys[i]!) ? [] : [i]))
  const missing = missingAt.map((i) => contracts[i]!)
  const results =
    missing.length === 0
      ? []
      : ((await client.multicall({
          contracts: missing as never,
          allowFailure: false,
          multicallAddress: client.chain?.contracts?.multicall3?.address ?? multicall3Address,
          // ~450 simple reads per call: few requests, well under endpoints' eth_call gas caps.
          batchSize: 16_384,
        })) as unknown[])
  if (!memo) return results as MulticallReturnType<contracts, false>
  missingAt.forEach((at, i) => memo.set(keys[at]!, results[i]))
  return keys.map((key) => memo.get(key)) as MulticallReturnType<contracts, false>
}
