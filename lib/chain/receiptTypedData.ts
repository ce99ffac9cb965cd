import type { Address } from 'viem'
import type { Deployment } from './deployments/index'

/** Parameters of {@link receiptTypedData}. */
export type ReceiptTypedDataParameters = {
  deployment: Deployment
  purchaseId: bigint
  /** The address the seeder is paid at (what it announced on the wire). */
  seeder: Address
  /** Verified bytes received from this seeder for this purchase so far (cumulative, never lowered). */
  bytes: bigint
}

/**
 * The EIP-712 seeding receipt the buyer's receipt key signs, ready for viem's `signTypedData`:
 * domain `{ name: "Keyswarm", version: "1", chainId, verifyingContract }`, type
 * `Receipt(uint256 purchaseId,address seeder,uint64 bytes)`. The contract's `receiptDigest`
 * computes the same digest, and `claim` pays only signatures that recover to the purchase's
 * `receiptSigner`.
 * @example
 * const sig = await privateKeyToAccount(receiptKey({ accountSecret, contentId, nonce }).secret)
 *   .signTypedData(receiptTypedData({ deployment, purchaseId, seeder, bytes }))
 */
export function receiptTypedData({ deployment, purchaseId, seeder, bytes }: ReceiptTypedDataParameters) {
  return {
    domain: { name: 'Keyswarm', version: '1', chainId: deployment.chainId, verifyingContract: deployment.keyswarm },
    types: {
      Receipt: [
        { name: 'purchaseId', type: 'uint256' },
        { name: 'seeder', type: 'address' },
        { name: 'bytes', type: 'uint64' },
      ],
    },
    primaryType: 'Receipt',
    message: { purchaseId, seeder, bytes },
  } as const
}
