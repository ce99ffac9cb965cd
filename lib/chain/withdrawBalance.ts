import { type Address, type Hash, parseEventLogs } from 'viem'
import type { Config } from 'wagmi'
import { keyswarmAbi } from './abi/keyswarmAbi'
import type { Deployment } from './deployments/index'
import { prepareWallet } from './prepareWallet'
import { settlePurchases } from './settlePurchases'
import { writeAndWait } from './writeAndWait'

/** The transaction a withdrawal is at, for the progress sentence. */
export type WithdrawStep = 'settle' | 'withdraw'

/** Parameters of {@link withdrawBalance}. */
export type WithdrawBalanceParameters = {
  deployment: Deployment
  /** `address(0)` for ETH, else an ERC-20. */
  token: Address
  /**
   * Purchases whose dispute window is over but which were not settled on chain yet: settlement is
   * lazy, and their money joins the balance only once `settleMany` has run (see readCreatorBalances).
   */
  settle?: readonly bigint[]
  onStep?: (step: WithdrawStep) => void
}

/** What {@link withdrawBalance} did. */
export type WithdrawBalanceReturnType = {
  /** What reached the wallet, from the `Withdrawn` event. */
  withdrawn: bigint
  settled: number
  transactionHashes: Hash[]
  gasUsed: bigint
}

/**
 * Moves the connected account's whole balance in `token` out of the contract to its wallet:
 * first `settleMany` for purchases that are final but unsettled (one more transaction, only when
 * there are some), then `withdraw(token)`.
 * @throws the wallet's refusal, or a revert `describeContractError` puts in words ("nothing to withdraw").
 */
export async function withdrawBalance(
  config: Config,
  { deployment, token, settle = [], onStep }: WithdrawBalanceParameters,
): Promise<WithdrawBalanceReturnType> {
  await prepareWallet(config, { chainId: deployment.chainId })
  const transactionHashes: Hash[] = []
  let gasUsed = 0n
  if (settle.length > 0) {
    onStep?.('settle')
    const settled = await settlePurchases(config, { deployment, purchaseIds: settle })
    transactionHashes.push(settled.transactionHash)
    gasUsed += settled.gasUsed
  }
  onStep?.('withdraw')
  const { transactionHash, receipt } = await writeAndWait(config, {
    deployment,
    functionName: 'withdraw',
    args: [token],
    what: 'withdrawal',
  })
  transactionHashes.push(transactionHash)
  gasUsed += receipt.gasUsed
  const [event] = parseEventLogs({ abi: keyswarmAbi, eventName: 'Withdrawn', logs: receipt.logs })
  return { withdrawn: event?.args.amount ?? 0n, settled: settle.length, transactionHashes, gasUsed }
}
