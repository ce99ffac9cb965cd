import { set } from 'idb-keyval'
import type { Address, Hex } from 'viem'
import { paywallStore } from './paywallStore'

/** Caches the account secret of `account` on this device, so later steps need no new signature. */
export async function saveAccountSecret({
  chainId,
  account,
  secret,
}: {
  chainId: number
  account: Address
  secret: Hex
}) {
  await set(`account:${chainId}:${account.toLowerCase()}`, secret, paywallStore())
}
