/** A secp256k1 point in affine coordinates (as the contract stores it: `x`, `y`). */
export type Point = { x: bigint; y: bigint }

/** A secp256k1 key pair: `secret` is 32 bytes in [1, n-1], `publicKey = secret·G`. */
export type KeyPair = { secret: `0x${string}`; publicKey: Point }

/**
 * Random-access bytes: the minimal interface readRange needs from a Blob, an OPFS file, a torrent
 * file or a buffer. `read` returns exactly `length` bytes starting at `offset`, or fewer only when
 * the source ends first.
 */
export type ByteSource = {
  /** Total size in bytes. */
  readonly size: number
  /** Reads `length` bytes at `offset`. */
  read(offset: number, length: number): Promise<Uint8Array>
}

/** The decoded header of an encrypted file (docs/format.md, "Header"). */
export type EncryptedFileHeader = {
  version: number
  /** Plaintext bytes per chunk (the last chunk may be shorter). */
  chunkSize: number
  /** Plaintext length in bytes. */
  plaintextLength: number
  /** 16 random bytes naming this file; its opaque name in the torrent is derived from it. */
  fileId: `0x${string}`
}

/** Progress of a long operation, in plaintext bytes. */
export type Progress = { done: number; total: number }

/** An encrypted file opened with its key: the header checked, the AES key imported once. */
export type EncryptedFile = {
  /** Where the ciphertext lives. */
  readonly source: ByteSource
  /** The checked header. */
  readonly header: EncryptedFileHeader
  /** Plaintext size in bytes. */
  readonly size: number
  /** The file's AES-256-GCM key. */
  readonly aesKey: CryptoKey
  /** The 104 header bytes, authenticated with every chunk. */
  readonly headerBytes: Uint8Array<ArrayBuffer>
}

/** One file of a paid torrent as its manifest describes it. */
export type ManifestEntry = {
  /** The file's name as the creator gave it; may contain `/` for folders. Text, never HTML. */
  name: string
  /** MIME type, e.g. `video/mp4`; empty when unknown. */
  type: string
  /** Plaintext size in bytes. */
  size: number
  /** The 16-byte id in the file's header; the torrent stores the file as `opaqueName(fileId)`. */
  fileId: `0x${string}`
}

/** The decrypted manifest of a paid torrent (docs/format.md, "Manifest"). */
export type Manifest = { version: 1; files: ManifestEntry[] }
