import { BaseError } from '../errors/BaseError'

/** Base of the agent's errors: a short sentence for a person, the cause attached. */
export class AgentError extends BaseError {
  override name = 'AgentError'
}

/** The agent key has too little ETH to pay for a delivery. */
export class AgentOutOfGasError extends AgentError {
  override name = 'AgentOutOfGasError'
  constructor(
    readonly agent: string,
    readonly balance: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The creator's delivery agent ${agent} is out of gas money (${balance} ETH left): top it up so buyers get their keys.`,
      options,
    )
  }
}

/** The creator has not authorized this agent key on chain. */
export class AgentNotAuthorizedError extends AgentError {
  override name = 'AgentNotAuthorizedError'
  constructor(agent: string) {
    super(`The delivery agent ${agent} is not authorized by the creator: run setAgent from the creator's tab first.`)
  }
}

/** A delivery transaction was mined but reverted: nothing was delivered, the next round tries again. */
export class AgentDeliveryRevertedError extends AgentError {
  override name = 'AgentDeliveryRevertedError'
  constructor(hash: string, count: number) {
    super(`The delivery of ${count} key${count === 1 ? '' : 's'} in transaction ${hash} reverted: trying again.`)
  }
}
