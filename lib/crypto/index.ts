/**
 * lib/crypto: the Keyswarm content format (chunked AES-256-GCM), key derivation and sealing.
 * Pure: WebCrypto, streams and a few audited libraries (viem, @noble) only. See docs/format.md.
 */

// Keys
export { accountMessage, type AccountMessageParameters } from './accountMessage'
export { accountSecret, type AccountSecretParameters } from './accountSecret'
export { contentKey, type ContentKeyParameters } from './contentKey'
export { deliveryKey, type DeliveryKeyParameters } from './deliveryKey'
export { sessionKey, type SessionKeyParameters } from './sessionKey'
export { receiptKey, type ReceiptKeyParameters, type ReceiptKeyPair } from './receiptKey'
export { publicPoint } from './publicPoint'
export { pointAddress } from './pointAddress'
export { keyHash } from './keyHash'
export { verifyKey, type VerifyKeyParameters } from './verifyKey'
export { sealKey, type SealKeyParameters } from './sealKey'
export { unsealKey, type UnsealKeyParameters } from './unsealKey'
export { sealingPad, type SealingPadParameters } from './sealingPad'

// Files
export { encryptFile, type EncryptFileParameters, type EncryptFileReturnType } from './encryptFile'
export { encryptBytes, type EncryptBytesParameters } from './encryptBytes'
export { openEncryptedFile, type OpenEncryptedFileParameters } from './openEncryptedFile'
export { readRange, type ReadRangeParameters } from './readRange'
export { decryptStream, type DecryptStreamParameters } from './decryptStream'
export { decryptBytes, type DecryptBytesParameters } from './decryptBytes'
export { decodeHeader, type DecodedHeader } from './decodeHeader'
export { encryptedLength, type EncryptedLengthParameters } from './encryptedLength'
export { blobSource } from './blobSource'
export { bytesSource } from './bytesSource'

// Manifest
export { encryptManifest, type EncryptManifestParameters } from './encryptManifest'
export { decryptManifest, type DecryptManifestParameters } from './decryptManifest'
export { opaqueName } from './opaqueName'

export {
  ALIGNED_FORMAT_VERSION,
  DEFAULT_CHUNK_SIZE,
  FORMAT_VERSION,
  HEADER_SIZE,
  MANIFEST_NAME,
  TAG_SIZE,
} from './constants'
export { dataOffset } from './dataOffset'
export * from './errors'
export type * from './types'
