import type { ContractFunctionParameters, MulticallReturnType, PublicClient } from 'viem'
import { multicall3Address } from '../config'

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
): Promise<MulticallReturnType<contracts, false>> {
  if (contracts.length === 0) return [] as unknown as MulticallReturnType<contracts, false>
  return client.multicall({
    contracts: contracts as never,
    allowFailure: false,
    multicallAddress: client.chain?.contracts?.multicall3?.address ?? multicall3Address,
    // ~450 simple reads per call: few requests, well under endpoints' eth_call gas caps.
    batchSize: 16_384,
  }) as Promise<MulticallReturnType<contracts, false>>
}
