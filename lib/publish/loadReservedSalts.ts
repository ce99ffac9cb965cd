import { get } from 'idb-keyval'
import type { Address, Hex } from 'viem'
import { publishStore } from './publishStore'

/** Parameters of {@link loadReservedSalts} and `reserveSalt`. */
export type ReservedSaltsParameters = { chainId: number; creator: Address }

/** The listing salts this device has taken for `creator`, listed or not (a publication may stop before `list`). */
export async function loadReservedSalts({ chainId, creator }: ReservedSaltsParameters): Promise<Hex[]> {
  return (await get<Hex[]>(reservedSaltsKey({ chainId, creator }), publishStore())) ?? []
}

/** The store key of a creator's reserved salts on a chain. */
export function reservedSaltsKey({ chainId, creator }: ReservedSaltsParameters): string {
  return `salts:${chainId}:${creator.toLowerCase()}`
}
