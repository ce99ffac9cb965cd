import {
  type Address,
  createPublicClient,
  createWalletClient,
  defineChain,
  getAbiItem,
  http,
  keccak256,
  parseEther,
  parseEventLogs,
  stringToHex,
  zeroAddress,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { keyswarmAbi } from '../../../lib/chain/abi/keyswarmAbi'
import { publicPoint } from '../../../lib/crypto'
import { type SecondChain, devMnemonic } from '../../../scripts/lib/startStack'
import { type E2EChain, type E2EStack, devAccount } from '../fixtures'

/** anvil funds its first 43 dev accounts (see `devAccount`); a journey's account past them is funded here. */
const FUNDED_ACCOUNTS = 43

const delivery = publicPoint(keccak256(stringToHex('e2e listing delivery secret')))

/**
 * Lists a paid ETH listing (0.01 ETH, a placeholder torrent) titled `title` as dev account
 * `creator`, straight on the chain: for journeys about how pages show listings, not publishing.
 */
export async function listOnChain(
  stack: E2EStack,
  chain: E2EChain,
  { creator, title, on }: { creator: number; title: string; /** Another local chain than the stack's first. */ on?: SecondChain },
): Promise<bigint> {
  if (creator >= FUNDED_ACCOUNTS && !on)
    await chain.test.setBalance({ address: devAccount(creator), value: parseEther('10') })
  const transport = http(on?.rpcUrl ?? stack.chainRpcUrl ?? stack.rpcUrl)
  const target = on ? defineChain({ ...anvil, id: on.chainId }) : anvil
  const wallet = createWalletClient({
    account: mnemonicToAccount(devMnemonic, { addressIndex: creator }),
    chain: target,
    transport,
  })
  const hash = await wallet.writeContract({
    address: (on?.deployment ?? stack.deployment).keyswarm,
    abi: keyswarmAbi,
    functionName: 'list',
    args: [
      {
        infoHash: '0x5555555555555555555555555555555555555555',
        size: 1_000_000n,
        token: zeroAddress as Address,
        price: 10n ** 16n,
        seedShareBps: 1_000,
        keyHash: `0x${'ef'.repeat(32)}`,
        deliveryX: delivery.x,
        deliveryY: delivery.y,
        title,
        description: 'listed straight on the chain by an e2e journey',
        trackers: [],
        webSeeds: [],
      },
    ],
  })
  const reader = on ? createPublicClient({ chain: target, transport, pollingInterval: 100 }) : chain.public
  const receipt = await reader.waitForTransactionReceipt({ hash })
  return parseEventLogs({ abi: [getAbiItem({ abi: keyswarmAbi, name: 'Listed' })], logs: receipt.logs })[0]!.args
    .contentId
}
