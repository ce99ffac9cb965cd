import { type Address, type Hash, parseEventLogs, zeroAddress } from 'viem'
import type { Config } from 'wagmi'
import { getBalance, readContract, writeContract } from 'wagmi/actions'
import type { Point } from '../crypto'
import { keyswarmAbi } from './abi/keyswarmAbi'
import { mockStablecoinAbi } from './abi/mockStablecoinAbi'
import type { Deployment } from './deployments/index'
import { InsufficientFundsError, MissingEventError, PriceChangedError } from './errors'
import { waitForSuccess } from './waitForSuccess'
import { writeAndWait } from './writeAndWait'

/** Parameters of {@link purchaseListing}. */
export type PurchaseListingParameters = {
  deployment: Deployment
  buyer: Address
  contentId: bigint
  token: Address
  /** The price the buyer saw; the purchase never pays more (`maxPrice`). */
  price: bigint
  session: Point
  /**
   * address(R) of the purchase's receipt key (`receiptKey` in lib/crypto): the only signer whose
   * seeding receipts the contract pays. Apart from the session key, whose secret a dispute reveals.
   */
  receiptSigner: Address
  /** Called when the wallet is asked for an approval (token listings), then for the purchase. */
  onStep?: (step: 'approve' | 'purchase') => void
}

/** What {@link purchaseListing} did, with the gas of each transaction. */
export type PurchaseListingReturnType = {
  purchaseId: bigint
  transactionHash: Hash
  blockNumber: bigint
  gasUsed: bigint
  approveGasUsed: bigint
}

/**
 * Buys a listing: checks the price is still the one shown and that the buyer can pay, approves
 * the token when the allowance is short, then sends `purchase` naming the session key B and the receipt signer.
 * @throws PriceChangedError, InsufficientFundsError, TransactionRevertedError, MissingEventError, or the wallet's refusal.
 */
export async function purchaseListing(
  config: Config,
  params: PurchaseListingParameters,
): Promise<PurchaseListingReturnType> {
  const { deployment, buyer, contentId, token, price, session, receiptSigner, onStep } = params
  const { chainId, keyswarm } = deployment
  const stored = await readContract(config, {
    address: keyswarm,
    abi: keyswarmAbi,
    functionName: 'listings',
    args: [contentId],
    chainId,
  })
  if (stored.price !== price) throw new PriceChangedError()
  let approveGasUsed = 0n
  if (token === zeroAddress) {
    const { value } = await getBalance(config, { address: buyer, chainId })
    if (value < price) throw new InsufficientFundsError('ETH')
  } else {
    const balance = await readContract(config, {
      address: token,
      abi: mockStablecoinAbi,
      functionName: 'balanceOf',
      args: [buyer],
      chainId,
    })
    if (balance < price) throw new InsufficientFundsError('the token')
    const allowance = await readContract(config, {
      address: token,
      abi: mockStablecoinAbi,
      functionName: 'allowance',
      args: [buyer, keyswarm],
      chainId,
    })
    if (allowance < price) {
      onStep?.('approve')
      const hash = await writeContract(config, {
        address: token,
        abi: mockStablecoinAbi,
        functionName: 'approve',
        args: [keyswarm, price],
        chainId,
      })
      approveGasUsed = (await waitForSuccess(config, { hash, chainId, what: 'approval' })).gasUsed
    }
  }
  onStep?.('purchase')
  const { transactionHash, receipt } = await writeAndWait(config, {
    deployment,
    functionName: 'purchase',
    args: [contentId, session.x, session.y, receiptSigner, price],
    value: token === zeroAddress ? price : 0n,
    what: 'purchase',
  })
  const [purchased] = parseEventLogs({ abi: keyswarmAbi, eventName: 'Purchased', logs: receipt.logs })
  if (!purchased) throw new MissingEventError('purchase', 'Purchased')
  return {
    purchaseId: purchased.args.purchaseId,
    transactionHash,
    blockNumber: receipt.blockNumber,
    gasUsed: receipt.gasUsed,
    approveGasUsed,
  }
}
