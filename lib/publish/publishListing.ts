import { type Address, type Hash, type Hex, type PublicClient, parseEventLogs, zeroAddress, zeroHash } from 'viem'
import type { Config } from 'wagmi'
import { getPublicClient } from 'wagmi/actions'
import { keyswarmAbi } from '@/lib/chain/abi/keyswarmAbi'
import type { Deployment } from '@/lib/chain/deployments/index'
import { obtainAccountSecret } from '@/lib/chain/obtainAccountSecret'
import { MissingEventError } from '@/lib/chain/errors'
import { prepareWallet } from '@/lib/chain/prepareWallet'
import { readListings } from '@/lib/chain/readListings'
import { writeAndWait } from '@/lib/chain/writeAndWait'
import { MANIFEST_NAME, contentKey, deliveryKey, encryptManifest, keyHash } from '@/lib/crypto'
import { toListingTrackers } from '@/lib/chain/toListingTrackers'
import { getRelays, getTrackers } from '@/lib/config'
import type { Keystore } from '@/lib/keystore/Keystore'
import type { Torrent } from '@/lib/torrent/addTorrent'
import { removeTorrent } from '@/lib/torrent/removeTorrent'
import { encryptToOpfs } from './encryptToOpfs'
import { pieceLengthFor } from '@/lib/torrent/pieceLengthFor'
import { SaltRaceError } from './errors'
import { nextListingSalt } from './nextListingSalt'
import { removeEncrypted } from './removeEncrypted'
import { seedListing } from './seedListing'

/** The step a publication is at, for the progress UI. */
export type PublishStage = 'sign' | 'encrypt' | 'seed' | 'list' | 'agent' | 'done'

/** Parameters of {@link publishListing}. */
export type PublishListingParameters = {
  deployment: Deployment
  files: readonly File[]
  title: string
  description: string
  /**
   * A free listing: the files are seeded as they are (not encrypted) and listed with price 0 and
   * keyHash 0, so anyone plays them without a wallet. `price`, `token` and `seedShareBps` are ignored.
   */
  free?: boolean
  /** In the token's smallest unit (wei for ETH). */
  price: bigint
  /** `address(0)` for ETH, else an ERC-20 (the deployment's stablecoin). */
  token?: Address
  /** Share of each sale paid to seeders, in basis points. */
  seedShareBps: number
  /** The cover image, already made by `makeCover` (`cover.webp` / `cover.jpg`): travels unencrypted. */
  cover?: File
  /** The listing's own WebSocket trackers, on top of the app's (checked by `parseSources`). */
  trackers?: readonly string[]
  /** HTTP web seeds (checked by `parseSources`). */
  webSeeds?: readonly string[]
  onStage?: (stage: PublishStage) => void
  /** Encryption progress over all files, in plaintext bytes. */
  onProgress?: (done: number, total: number) => void
}

/** What {@link publishListing} made. */
export type PublishListingReturnType = {
  contentId: bigint
  infoHash: string
  transactionHash: Hash
  gasUsed: bigint
  free: boolean
}

/** How often a publication picks a new salt when another device listed with its salt meanwhile. */
const SALT_ATTEMPTS = 3

/**
 * Publishes files as a listing. Paid: derives the listing's keys from one signature and the
 * creator's next deterministic salt, encrypts the files to OPFS, seeds the ciphertext (and the
 * cover, in the clear) from this tab, lists it in one transaction and keeps the listing's secrets
 * on this device for its agent. Free: seeds the files as they are and lists them with keyHash 0.
 * A listing that is not mined (refused in the wallet, reverted) leaves nothing behind: no torrent
 * seeding or remembered, no key, no ciphertext.
 */
export async function publishListing(
  config: Config,
  keystore: Keystore,
  params: PublishListingParameters,
): Promise<PublishListingReturnType> {
  const { deployment, files, title, description, cover, trackers = [], webSeeds = [], onStage } = params
  const account = await prepareWallet(config, { chainId: deployment.chainId })
  // The listing carries the app's trackers and relays too: a buyer whose app knows others still meets this swarm.
  const listingTrackers = toListingTrackers({ trackers: [...getTrackers(), ...trackers], relays: getRelays() })

  if (params.free) {
    onStage?.('seed')
    const torrent = await seedListing({
      files: [...files, ...(cover ? [cover] : [])],
      name: torrentName(title, files),
      trackers,
      webSeeds,
    })
    onStage?.('list')
    const listed = await list(config, {
      deployment,
      torrent,
      args: { token: zeroAddress, price: 0n, seedShareBps: 0, keyHash: zeroHash, deliveryX: 0n, deliveryY: 0n },
      meta: { title, description, trackers: listingTrackers, webSeeds },
    }).catch(async (error: unknown) => {
      await discardAttempt({ infoHash: torrent.infoHash })
      throw error
    })
    return { ...listed, infoHash: torrent.infoHash, free: true }
  }

  onStage?.('sign')
  const secret = await obtainAccountSecret(config, keystore, { deployment, account })
  const client = getPublicClient(config, { chainId: deployment.chainId }) as PublicClient
  const skip: Hex[] = []
  for (let attempt = 0; attempt < SALT_ATTEMPTS; attempt++) {
    const { salt } = await nextListingSalt(client, keystore, {
      deployment,
      creator: account,
      accountSecret: secret,
      skip,
    })
    const key = contentKey({ accountSecret: secret, salt })
    const delivery = deliveryKey({ accountSecret: secret, salt })
    const folder = encryptFolder(salt)
    // Until `list` is mined, everything this attempt made (ciphertext in OPFS, a seeding torrent
    // remembered with its key) is undone when it fails: a rejected or reverted listing leaves nothing.
    let infoHash: string | undefined
    let listed: Awaited<ReturnType<typeof list>> | undefined
    try {
      const torrent = await encryptAndSeed({ ...params, key, salt, folder })
      infoHash = torrent.infoHash

      onStage?.('list')
      // Two devices of one creator publishing at once pick the same index: the later one must not
      // list a second listing under the same key, so it starts over with the next salt.
      const taken = (await readListings(client, { deployment, creator: account })).some(
        (l) => l.keyHash.toLowerCase() === keyHash(key).toLowerCase(),
      )
      if (taken) {
        skip.push(salt)
        await discardAttempt({ infoHash, folder })
        continue
      }
      listed = await list(config, {
        deployment,
        torrent,
        args: {
          token: params.token ?? zeroAddress,
          price: params.price,
          seedShareBps: params.seedShareBps,
          keyHash: keyHash(key),
          deliveryX: delivery.publicKey.x,
          deliveryY: delivery.publicKey.y,
        },
        meta: { title, description, trackers: listingTrackers, webSeeds },
      })
    } catch (error) {
      await discardAttempt({ infoHash, folder })
      throw error
    }
    await keystore.saveListingSecret({
      chainId: deployment.chainId,
      contentId: String(listed.contentId),
      creator: account,
      infoHash,
      key,
      deliverySecret: delivery.secret,
      salt,
    })
    return { ...listed, infoHash, free: false }
  }
  throw new SaltRaceError()
}

/** Encrypts the files under `key` into OPFS, adds the encrypted manifest and the cover, and seeds it all. */
async function encryptAndSeed({
  files,
  cover,
  trackers,
  webSeeds,
  key,
  salt,
  folder,
  onStage,
  onProgress,
}: PublishListingParameters & { key: Hex; salt: Hex; folder: string }): Promise<Torrent> {
  onStage?.('encrypt')
  const total = files.reduce((sum, f) => sum + f.size, 0)
  // Format version 2 for files big enough to get a fixed piece length: each chunk and its tag fill
  // one piece, so a seek waits for one piece, not two. The first file starts the torrent (at a
  // piece boundary); later ones are read as well, only not aligned. The manifest and cover (small)
  // add under a piece per file, as one tag per chunk does: the piece length stays what it would be.
  const pieceLength = pieceLengthFor(total + (cover?.size ?? 0))
  let before = 0
  const sealed: { fileId: Hex; ciphertext: File; source: File }[] = []
  for (const file of files) {
    const out = await encryptToOpfs(file, {
      key,
      folder,
      onProgress: (p) => onProgress?.(before + p.done, total),
      pieceLength,
    })
    sealed.push({ ...out, source: file })
    before += file.size
  }
  const manifest = await encryptManifest({
    key,
    files: sealed.map(({ fileId, source }) => ({ name: source.name, type: source.type, size: source.size, fileId })),
  })

  onStage?.('seed')
  return seedListing({
    files: [...sealed.map((s) => s.ciphertext), new File([manifest], MANIFEST_NAME), ...(cover ? [cover] : [])],
    // The swarm sees only opaque names, the torrent's own included.
    name: `keyswarm-${salt.slice(2, 14)}`,
    trackers,
    webSeeds,
    keyHex: key,
    pieceLength,
  })
}

type ListArgs = {
  deployment: Deployment
  torrent: Torrent
  args: { token: Address; price: bigint; seedShareBps: number; keyHash: Hex; deliveryX: bigint; deliveryY: bigint }
  meta: { title: string; description: string; trackers: readonly string[]; webSeeds: readonly string[] }
}

/** Sends `list(...)` and waits for its `Listed` event. */
async function list(config: Config, { deployment, torrent, args, meta }: ListArgs) {
  const { transactionHash, receipt, gasUsed } = await writeAndWait(config, {
    deployment,
    functionName: 'list',
    args: [
      {
        infoHash: `0x${torrent.infoHash}`,
        size: BigInt(torrent.length),
        ...args,
        title: meta.title,
        description: meta.description,
        trackers: [...meta.trackers],
        webSeeds: [...meta.webSeeds],
      },
    ],
    what: 'listing',
  })
  const [listed] = parseEventLogs({ abi: keyswarmAbi, eventName: 'Listed', logs: receipt.logs })
  if (!listed) throw new MissingEventError('listing', 'Listed')
  return { contentId: listed.args.contentId, transactionHash, gasUsed }
}

/** A free torrent's name: the title, made safe as a folder name, else the first file's name. */
function torrentName(title: string, files: readonly File[]): string {
  const safe = title
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 100)
  return safe || files[0]?.name || 'keyswarm'
}

/**
 * Undoes an attempt that will not be listed: stops seeding its torrent and forgets it (its library
 * entry holds the content key), and deletes its ciphertext folder. The salt stays reserved
 * (`reserveSalt`): a key whose ciphertext may have left this tab is never used again. A failure
 * here is logged, not thrown, so the caller reports why the attempt failed.
 */
async function discardAttempt({ infoHash, folder }: { infoHash?: string; folder?: string }): Promise<void> {
  const logged = (error: unknown) => console.error('Could not undo an unlisted publication:', error)
  // The torrent goes first: it may still be reading the ciphertext the folder holds.
  if (infoHash !== undefined) await removeTorrent(infoHash).catch(logged)
  if (folder !== undefined) await removeEncrypted({ folder }).catch(logged)
}

/** The OPFS folder an attempt's ciphertext is written to: named after its salt. */
function encryptFolder(salt: Hex): string {
  return salt.slice(2, 18)
}
