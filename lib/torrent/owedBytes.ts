import type { Address } from 'viem'
import { MAX_U64 } from './receiptsProtocol'

/** What a buyer owes one seeder: verified bytes it served, and how many of them a receipt already acknowledged. */
export type OwedEntry = { served: bigint; signed: bigint }

/** A purchase's owed bytes by seeder, as kept between page loads (lowercase addresses, decimal strings). */
export type OwedRecord = Record<string, { served: string; signed: string }>

/** One purchase's byte counts per seeder, as a buyer's tab keeps them (see {@link owedBytes}). */
export type OwedBytes = ReturnType<typeof owedBytes>

/**
 * A buyer's running count of the verified bytes each seeder gave it, and of the bytes its last
 * receipt to that seeder acknowledged. Counts from an earlier page load merge in with `restore`
 * (served bytes add up: those counted since the load are new ones; signed ones keep the larger),
 * so a reload neither pays a seeder twice nor forgets what it served. Capped at uint64, as receipts are.
 */
export function owedBytes() {
  const entries = new Map<Address, OwedEntry>()
  const entry = (seeder: Address) => {
    const key = seeder.toLowerCase() as Address
    let found = entries.get(key)
    if (!found) entries.set(key, (found = { served: 0n, signed: 0n }))
    return found
  }
  const cap = (bytes: bigint) => (bytes > MAX_U64 ? MAX_U64 : bytes)
  return {
    /** Counts `bytes` more verified bytes from `seeder`; returns its total. */
    add(seeder: Address, bytes: bigint): bigint {
      const found = entry(seeder)
      found.served = cap(found.served + bytes)
      return found.served
    },
    get(seeder: Address): OwedEntry {
      return { ...entry(seeder) }
    },
    /** Records that a receipt for `bytes` was signed for `seeder` (never lowers what was signed). */
    signed(seeder: Address, bytes: bigint): void {
      const found = entry(seeder)
      if (bytes > found.signed) found.signed = bytes
    },
    seeders(): Address[] {
      return [...entries.keys()]
    },
    /** Merges the counts an earlier page load kept; entries that are not numbers are skipped. */
    restore(kept: OwedRecord | undefined): void {
      for (const [seeder, value] of Object.entries(kept ?? {})) {
        if (
          !/^0x[0-9a-f]{40}$/i.test(seeder) ||
          !/^\d+$/.test(value?.served ?? '') ||
          !/^\d+$/.test(value?.signed ?? '')
        )
          continue
        const found = entry(seeder as Address)
        found.served = cap(found.served + BigInt(value.served))
        const signed = BigInt(value.signed)
        if (signed > found.signed) found.signed = signed
      }
    },
    /** The counts to keep until the next load. */
    snapshot(): OwedRecord {
      const record: OwedRecord = {}
      for (const [seeder, { served, signed }] of entries)
        record[seeder] = { served: String(served), signed: String(signed) }
      return record
    },
  }
}
