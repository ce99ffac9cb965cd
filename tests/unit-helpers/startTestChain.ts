import {
  type Hex,
  type PublicClient,
  type TransactionReceipt,
  type WalletClient,
  createPublicClient,
  createTestClient,
  createWalletClient,
  http,
} from 'viem'
import { type HDAccount, mnemonicToAccount } from 'viem/accounts'
import { foundry } from 'viem/chains'
import type { Deployment } from '../../lib/chain/deployments/index'
import { deployAll } from '../../scripts/deploy'
import { installMulticall3 } from '../../scripts/lib/installMulticall3'
import { anvilDeployerKey, devMnemonic, freePort, startAnvil } from '../../scripts/lib/startStack'

/** Parameters of {@link startTestChain}. */
export type StartTestChainParameters = {
  /** Seconds between blocks; default: a block per transaction. */
  blockTime?: number
}

/**
 * A running anvil chain with Keyswarm and the mock stablecoin deployed, Multicall3 at its canonical
 * address, and clients for it.
 */
export type TestChain = {
  rpcUrl: string
  deployment: Deployment
  /** Polls every 50 ms, so tests wait for receipts no longer than they must. */
  client: PublicClient
  /** anvil's own methods: `increaseTime`, `mine`. */
  time: ReturnType<typeof createTestClient>
  /** Dev account `index` of anvil's mnemonic (unlocked and funded). */
  account(index: number): HDAccount
  /** A wallet client sending as dev account `index`. */
  wallet(index: number): WalletClient<ReturnType<typeof http>, typeof foundry, HDAccount>
  /** The receipt of a transaction once mined; throws when it reverted. */
  mined(hash: Hex | Promise<Hex>): Promise<TransactionReceipt>
  stop(): Promise<void>
}

/**
 * Starts a fresh anvil chain on a free port, puts Multicall3 at its canonical address and deploys
 * Keyswarm and the mock stablecoin to it, for unit tests that need a real chain. Put
 * scripts/lib/rpcProxy.ts's `startRpcProxy({ upstream: chain.rpcUrl })` in front to test against a
 * public endpoint's limits.
 * @example
 * let chain: TestChain
 * beforeAll(async () => { chain = await startTestChain() }, 60_000)
 * afterAll(() => chain?.stop())
 */
export async function startTestChain({ blockTime }: StartTestChainParameters = {}): Promise<TestChain> {
  const anvil = await startAnvil({ port: await freePort(), blockTime })
  const deployment = await installMulticall3({ rpcUrl: anvil.rpcUrl })
    .then(() =>
      deployAll({
        rpcUrl: anvil.rpcUrl,
        privateKey: anvilDeployerKey,
        mockStablecoin: true,
      }),
    )
    .catch(async (error: unknown) => {
      await anvil.stop()
      throw new Error('Could not deploy Keyswarm to the test chain.', { cause: error })
    })
  const transport = http(anvil.rpcUrl)
  const client: PublicClient = createPublicClient({ chain: foundry, transport, pollingInterval: 50 })
  const account = (index: number) => mnemonicToAccount(devMnemonic, { addressIndex: index })
  return {
    rpcUrl: anvil.rpcUrl,
    deployment,
    client,
    time: createTestClient({ chain: foundry, mode: 'anvil', transport }),
    account,
    wallet: (index) => createWalletClient({ account: account(index), chain: foundry, transport }),
    async mined(hash) {
      const receipt = await client.waitForTransactionReceipt({ hash: await hash })
      if (receipt.status !== 'success') throw new Error(`Transaction ${receipt.transactionHash} reverted.`)
      return receipt
    },
    stop: anvil.stop,
  }
}
