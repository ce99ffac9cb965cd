import type { Hash, PublicClient, TransactionReceipt } from 'viem'
import type { Config } from 'wagmi'
import { getPublicClient } from 'wagmi/actions'
import { TransactionRevertedError } from './errors'

/** Parameters of {@link waitForSuccess}. */
export type WaitForSuccessParameters = {
  /** The transaction the wallet just sent. */
  hash: Hash
  chainId: number
  /** Names the transaction in the sentence shown when it reverts, e.g. "approval". */
  what: string
}

/** What {@link waitForSuccess} returns: the mined, successful transaction. */
export type WaitForSuccessReturnType = { transactionHash: Hash; receipt: TransactionReceipt; gasUsed: bigint }

/**
 * Waits until a transaction sent through the connected wallet is mined, and makes a revert an error.
 * `writeAndWait` sends Keyswarm calls through it; use it directly only for what is not one
 * (a token approval, a plain ETH transfer).
 * @throws TransactionRevertedError when it was mined but reverted, with the contract's reason as its
 * cause when replaying the call finds one (`describeContractError` puts it in words).
 * @example
 * const hash = await sendTransaction(config, { to: agent, value, chainId })
 * const { gasUsed } = await waitForSuccess(config, { hash, chainId, what: 'agent top-up' })
 */
export async function waitForSuccess(
  config: Config,
  { hash, chainId, what }: WaitForSuccessParameters,
): Promise<WaitForSuccessReturnType> {
  // viem's wait, not wagmi's: wagmi's throws a bare Error whose text is the revert data read as a string.
  const client = getPublicClient(config, { chainId }) as PublicClient
  const receipt = await client.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success')
    throw new TransactionRevertedError(what, { cause: await revertReason(client, receipt) })
  return { transactionHash: hash, receipt, gasUsed: receipt.gasUsed }
}

/** Replays a reverted transaction as a call at its block: the error it throws carries the custom error. */
async function revertReason(client: PublicClient, receipt: TransactionReceipt): Promise<unknown> {
  try {
    const tx = await client.getTransaction({ hash: receipt.transactionHash })
    await client.call({
      account: tx.from,
      to: tx.to,
      data: tx.input,
      value: tx.value,
      gas: tx.gas,
      blockNumber: receipt.blockNumber,
    })
    return undefined // the replay passed: the state it reverted on is gone, the sentence stays generic
  } catch (error) {
    return error
  }
}
