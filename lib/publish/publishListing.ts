import { type Address, type Hash, type Hex, bytesToHex, parseEventLogs, zeroAddress } from 'viem'
import type { Config } from 'wagmi'
import { waitForTransactionReceipt, writeContract } from 'wagmi/actions'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import type { Deployment } from '@/lib/chain/deployments/index'
import { obtainAccountSecret } from '@/lib/chain/obtainAccountSecret'
import { TransactionRevertedError } from '@/lib/chain/errors'
import { prepareWallet } from '@/lib/chain/prepareWallet'
import { MANIFEST_NAME, contentKey, deliveryKey, encryptManifest, keyHash } from '@/lib/crypto'
import { getTrackers } from '@/lib/config'
import { saveListingSecret } from '@/lib/purchases/saveListingSecret'
import { shareFiles } from '@/lib/torrent/shareFiles'
import { encryptToOpfs } from './encryptToOpfs'

/** The step a publication is at, for the progress UI. */
export type PublishStage = 'sign' | 'encrypt' | 'seed' | 'list' | 'agent' | 'done'

/** Parameters of {@link publishListing}. */
export type PublishListingParameters = {
  deployment: Deployment
  files: readonly File[]
  title: string
  description: string
  /** In the token's smallest unit (wei for ETH). */
  price: bigint
  /** `address(0)` for ETH, else an ERC-20 (the deployment's stablecoin). */
  token?: Address
  /** Share of each sale paid to seeders, in basis points. */
  seedShareBps: number
  webSeeds?: readonly string[]
  onStage?: (stage: PublishStage) => void
  /** Encryption progress over all files, in plaintext bytes. */
  onProgress?: (done: number, total: number) => void
}

/** What {@link publishListing} made. */
export type PublishListingReturnType = { contentId: bigint; infoHash: string; transactionHash: Hash; gasUsed: bigint }

/**
 * Publishes paid files: derives the listing's keys from one signature, encrypts the files to
 * OPFS, seeds the ciphertext from this tab, lists it in one transaction and keeps the listing's
 * secrets on this device for its agent.
 */
export async function publishListing(
  config: Config,
  params: PublishListingParameters,
): Promise<PublishListingReturnType> {
  const {
    deployment,
    files,
    title,
    description,
    price,
    token = zeroAddress,
    seedShareBps,
    webSeeds = [],
    onStage,
    onProgress,
  } = params
  const account = await prepareWallet(config, { chainId: deployment.chainId })

  onStage?.('sign')
  const secret = await obtainAccountSecret(config, { deployment, account })
  const salt = bytesToHex(crypto.getRandomValues(new Uint8Array(32)))
  const key = contentKey({ accountSecret: secret, salt })
  const delivery = deliveryKey({ accountSecret: secret, salt })

  onStage?.('encrypt')
  const total = files.reduce((sum, f) => sum + f.size, 0)
  let before = 0
  const sealed: { fileId: Hex; ciphertext: File; source: File }[] = []
  for (const file of files) {
    const out = await encryptToOpfs(file, {
      key,
      folder: salt.slice(2, 18),
      onProgress: (p) => onProgress?.(before + p.done, total),
    })
    sealed.push({ ...out, source: file })
    before += file.size
  }
  const manifest = await encryptManifest({
    key,
    files: sealed.map(({ fileId, source }) => ({ name: source.name, type: source.type, size: source.size, fileId })),
  })

  onStage?.('seed')
  const torrent = await shareFiles({
    files: [new File([manifest], MANIFEST_NAME), ...sealed.map((s) => s.ciphertext)],
    // The swarm sees only opaque names, the torrent's own included.
    name: `keyswarm-${salt.slice(2, 14)}`,
    webSeeds,
    keyHex: key,
  })

  onStage?.('list')
  const transactionHash = await writeContract(config, {
    address: deployment.keyswarm,
    abi: keyswarmAbi,
    functionName: 'list',
    chainId: deployment.chainId,
    args: [
      {
        infoHash: `0x${torrent.infoHash}`,
        size: BigInt(torrent.length),
        token,
        price,
        seedShareBps,
        keyHash: keyHash(key),
        deliveryX: delivery.publicKey.x,
        deliveryY: delivery.publicKey.y,
        title,
        description,
        trackers: getTrackers(),
        webSeeds: [...webSeeds],
      },
    ],
  })
  const receipt = await waitForTransactionReceipt(config, { hash: transactionHash, chainId: deployment.chainId })
  const [listed] = parseEventLogs({ abi: keyswarmAbi, eventName: 'Listed', logs: receipt.logs })
  if (receipt.status !== 'success' || !listed) throw new TransactionRevertedError('listing')
  const contentId = listed.args.contentId
  await saveListingSecret({
    chainId: deployment.chainId,
    contentId: String(contentId),
    creator: account,
    infoHash: torrent.infoHash,
    key,
    deliverySecret: delivery.secret,
    salt,
  })
  return { contentId, infoHash: torrent.infoHash, transactionHash, gasUsed: receipt.gasUsed }
}
