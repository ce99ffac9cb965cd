import { get } from 'idb-keyval'
import type { Address, Hex } from 'viem'
import { paywallStore } from './paywallStore'

/** The account secret this device derived before for `account` on `chainId`, if any. */
export async function loadAccountSecret({
  chainId,
  account,
}: {
  chainId: number
  account: Address
}): Promise<Hex | undefined> {
  return get<Hex>(`account:${chainId}:${account.toLowerCase()}`, paywallStore())
}
