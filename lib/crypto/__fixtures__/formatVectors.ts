import { hkdf } from '@noble/hashes/hkdf'
import { sha256 } from '@noble/hashes/sha2'
import { secp256k1 } from '@noble/curves/secp256k1'
import { type Hex, bytesToHex, hexToBytes, numberToHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { accountMessage } from '../accountMessage'
import { accountSecret } from '../accountSecret'
import { contentKey } from '../contentKey'
import { deliveryKey } from '../deliveryKey'
import { encryptBytes } from '../encryptBytes'
import { encryptManifest } from '../encryptManifest'
import { keyHash } from '../keyHash'
import { manifestKey } from '../manifestKey'
import { pointAddress } from '../pointAddress'
import { sealingPad } from '../sealingPad'
import { sealKey } from '../sealKey'
import { receiptKey } from '../receiptKey'
import { sessionKey } from '../sessionKey'
import type { ManifestEntry, Point } from '../types'

const hexPoint = (point: Point) => ({ x: numberToHex(point.x, { size: 32 }), y: numberToHex(point.y, { size: 32 }) })
const hkdfHex = (key: Hex, salt: Hex, info: string) =>
  bytesToHex(hkdf(sha256, hexToBytes(key), hexToBytes(salt), new TextEncoder().encode(info), 32))

/**
 * Every test vector of docs/format.md, computed from fixed inputs with this implementation.
 * manifest.test's sibling `vectors.test.ts` checks the JSON block in docs/format.md equals this,
 * so the document cannot drift from the code. After a deliberate format change, print the new
 * block with `npx tsx lib/crypto/__fixtures__/formatVectors.ts` and paste it into the document.
 */
export async function formatVectors() {
  const walletPrivateKey: Hex = `0x${'11'.repeat(32)}`
  const chainId = 31337
  const contract = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
  const message = accountMessage({ chainId, contract })
  const signature = await privateKeyToAccount(walletPrivateKey).signMessage({ message })
  const m = accountSecret({ signature })

  const salt: Hex = `0x${'a5'.repeat(32)}`
  const K = contentKey({ accountSecret: m, salt })
  const delivery = deliveryKey({ accountSecret: m, salt })
  const contentId = 1n
  const nonce = 0n
  const session = sessionKey({ accountSecret: m, contentId, nonce })
  const receipt = receiptKey({ accountSecret: m, contentId, nonce })

  const purchaseId = 1n
  const S = secp256k1.ProjectivePoint.fromAffine(session.publicKey).multiply(BigInt(delivery.secret)).toAffine()

  const file = async (name: string, plaintext: Uint8Array, chunkSize: number, fileId: Hex) => ({
    name,
    key: K,
    fileId,
    chunkSize,
    plaintext: bytesToHex(plaintext),
    chunkKey: hkdfHex(K, fileId, 'chunk key'),
    keyCheck: hkdfHex(K, fileId, 'key check'),
    headerMacKey: hkdfHex(K, fileId, 'header mac'),
    ciphertext: bytesToHex(await encryptBytes(plaintext, { key: K, chunkSize, fileId })),
  })

  const manifestFiles: ManifestEntry[] = [
    { name: 'Film.mp4', type: 'video/mp4', size: 40, fileId: '0x000102030405060708090a0b0c0d0e0f' },
  ]
  const manifestId: Hex = '0xf0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'

  return {
    account: { walletPrivateKey, chainId, contract, message, signature, accountSecret: m },
    keys: {
      salt,
      contentKey: K,
      keyHash: keyHash(K),
      deliverySecret: delivery.secret,
      deliveryPublicKey: hexPoint(delivery.publicKey),
      contentId: contentId.toString(),
      nonce: nonce.toString(),
      sessionSecret: session.secret,
      sessionPublicKey: hexPoint(session.publicKey),
      sessionAddress: pointAddress(session.publicKey),
      receiptSecret: receipt.secret,
      receiptPublicKey: hexPoint(receipt.publicKey),
      receiptSigner: receipt.address,
    },
    sealing: {
      purchaseId: purchaseId.toString(),
      sharedPoint: hexPoint(S),
      sharedAddress: pointAddress(S),
      pad: sealingPad({ secret: delivery.secret, publicKey: session.publicKey, purchaseId }),
      sealedKey: sealKey({ key: K, deliverySecret: delivery.secret, sessionPublicKey: session.publicKey, purchaseId }),
    },
    files: [
      await file(
        'three chunks of 16 bytes, the last one short',
        Uint8Array.from({ length: 40 }, (_, i) => i),
        16,
        '0x000102030405060708090a0b0c0d0e0f',
      ),
      await file('an empty file', new Uint8Array(0), 65_536, '0x101112131415161718191a1b1c1d1e1f'),
    ],
    manifest: {
      key: K,
      manifestKey: manifestKey(K),
      fileId: manifestId,
      files: manifestFiles,
      plaintext: JSON.stringify({ version: 1, files: manifestFiles }),
      ciphertext: bytesToHex(await encryptManifest({ key: K, files: manifestFiles, fileId: manifestId })),
    },
  }
}

if (typeof process !== 'undefined' && process.argv[1]?.endsWith('formatVectors.ts'))
  console.log(JSON.stringify(await formatVectors(), null, 2))
