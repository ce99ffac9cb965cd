import { update } from 'idb-keyval'
import type { Hex } from 'viem'
import { type ReservedSaltsParameters, reservedSaltsKey } from './loadReservedSalts'
import { publishStore } from './publishStore'

/**
 * Marks a listing salt as taken on this device before anything is encrypted with it, so a
 * publication that stops before `list` (a rejected transaction) never has its key reused.
 */
export async function reserveSalt({ salt, ...owner }: ReservedSaltsParameters & { salt: Hex }): Promise<void> {
  await update<Hex[]>(
    reservedSaltsKey(owner),
    (salts = []) => (salts.includes(salt) ? salts : [...salts, salt]),
    publishStore(),
  )
}
