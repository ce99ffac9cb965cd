'use client'

import { useDeployment } from '@/components/chain/useDeployment'
import { useEffect, useState } from 'react'
import type { Hex } from 'viem'
import { useAccount } from 'wagmi'
import { browserKeystore } from '@/lib/keystore/browserKeystore'

/**
 * The content key of a listing the connected account published, when this device holds its
 * secrets (published here, or restored with "Restore my listings"): creators play their own content.
 */
export function useOwnListingKey(contentId: bigint | undefined): Hex | undefined {
  const { address } = useAccount()
  const { chainId } = useDeployment()
  const [key, setKey] = useState<Hex>()
  useEffect(() => {
    setKey(undefined)
    if (!address || contentId === undefined) return
    let live = true
    browserKeystore()
      .listListingSecrets({ chainId, creator: address })
      .then(
        (secrets) => live && setKey(secrets.find((s) => s.contentId === String(contentId))?.key),
        (error: unknown) => console.error('[keyswarm] could not read this device’s listing secrets', error),
      )
    return () => {
      live = false
    }
  }, [address, contentId, chainId])
  return key
}
