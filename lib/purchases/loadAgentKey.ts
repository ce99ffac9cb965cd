import { get, set } from 'idb-keyval'
import type { Address, Hex } from 'viem'
import { generatePrivateKey } from 'viem/accounts'
import { paywallStore } from './paywallStore'

/**
 * The hot agent key this browser keeps for `creator` on `chainId`, made on first use. It only
 * delivers keys (the creator authorizes it with `setAgent`) and holds a little gas money.
 */
export async function loadAgentKey({ chainId, creator }: { chainId: number; creator: Address }): Promise<Hex> {
  const id = `agent:${chainId}:${creator.toLowerCase()}`
  const known = await get<Hex>(id, paywallStore())
  if (known) return known
  const fresh = generatePrivateKey()
  await set(id, fresh, paywallStore())
  return fresh
}
