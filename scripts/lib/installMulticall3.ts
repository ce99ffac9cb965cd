import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Address, type Hex, createTestClient, http } from 'viem'
import { buildContracts, contractsDir } from './buildContracts'

/** Where Multicall3 lives on nearly every EVM chain (mds1/multicall's deterministic deployment). */
export const multicall3Address: Address = '0xcA11bde05977b3631167028862bE2a173976CA11'

/**
 * Puts Multicall3's runtime code at its canonical address on an anvil chain, so batched reads take
 * the same path locally as on a real chain. The code is the vendored source
 * (contracts/src/vendor/Multicall3.sol) compiled by the project's solc; Multicall3 has no
 * constructor and no immutables, so its runtime code alone makes a working contract.
 */
export async function installMulticall3({ rpcUrl }: { rpcUrl: string }): Promise<void> {
  buildContracts()
  const artifact = JSON.parse(readFileSync(join(contractsDir, 'out', 'Multicall3.sol', 'Multicall3.json'), 'utf8')) as {
    deployedBytecode: { object: Hex }
  }
  const anvil = createTestClient({ mode: 'anvil', transport: http(rpcUrl) })
  await anvil.setCode({ address: multicall3Address, bytecode: artifact.deployedBytecode.object })
}
