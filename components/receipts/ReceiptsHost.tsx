'use client'

import { useTargetDeployment } from '@/components/chain/useTargetDeployment'
import { useEffect } from 'react'
import { useAccount, usePublicClient } from 'wagmi'
import { getDeployment } from '@/lib/chain/deployments/index'
import { browserKeystore } from '@/lib/keystore/browserKeystore'
import { findReceiptSigner } from '@/lib/receipts/findReceiptSigner'
import { receiveReceipt } from '@/lib/receipts/receiveReceipt'
import { configureReceipts } from '@/lib/torrent/configureReceipts'

/**
 * Connects the tab's receipts extension to the wallet and the chain, on every page: seeders
 * announce the connected wallet as their payout address and keep the receipts peers send them;
 * a buyer signs receipts with its purchases' receipt keys. Renders nothing.
 */
export function ReceiptsHost() {
  const { address } = useAccount()
  const { chainId } = useTargetDeployment()
  const client = usePublicClient({ chainId })

  useEffect(() => configureReceipts({ payee: address }), [address])

  useEffect(() => {
    const deployment = getDeployment(chainId)
    if (!deployment || !client) return
    configureReceipts({
      signerFor: (infoHash) => findReceiptSigner(browserKeystore(), { deployment, infoHash }),
      onReceipt: (receipt, { infoHash }) => receiveReceipt(client, { deployment, receipt, infoHash }),
    })
  }, [chainId, client])

  return null
}
