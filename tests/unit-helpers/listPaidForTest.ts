import type { Hex } from 'viem'
import { foundry } from 'viem/chains'
import { keyHash, publicPoint } from '../../lib/crypto'
import type { ListingSecret } from '../../lib/keystore/types'
import { type ListForTestParameters, listForTest } from './listForTest'
import type { TestChain } from './startTestChain'

/** Parameters of {@link listPaidForTest}. */
export type ListPaidForTestParameters = Omit<ListForTestParameters, 'keyHash' | 'deliveryX' | 'deliveryY'> & {
  /** The content key K: the listing commits to its hash. */
  key: Hex
  /** The delivery secret c: the listing names its public key C. */
  deliverySecret: Hex
}

/**
 * Lists a paid listing under `key` and `deliverySecret` on the test chain and returns the secrets
 * its creator's agent delivers with, as /publish keeps them.
 */
export async function listPaidForTest(
  chain: TestChain,
  { key, deliverySecret, ...params }: ListPaidForTestParameters,
): Promise<ListingSecret> {
  const C = publicPoint(deliverySecret)
  const infoHash = params.infoHash ?? '0x3333333333333333333333333333333333333333'
  const contentId = await listForTest(chain, {
    ...params,
    infoHash,
    keyHash: keyHash(key),
    deliveryX: C.x,
    deliveryY: C.y,
  })
  return {
    chainId: foundry.id,
    contentId: String(contentId),
    creator: chain.account(params.creator).address,
    infoHash: infoHash.slice(2),
    key,
    deliverySecret,
    salt: `0x${'00'.repeat(32)}`,
  }
}
