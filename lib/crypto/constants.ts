/** Format constants of encrypted files; docs/format.md explains each. */

/** The 8 bytes every encrypted file starts with: ASCII `KEYSWARM`. */
export const MAGIC = new Uint8Array([0x4b, 0x45, 0x59, 0x53, 0x57, 0x41, 0x52, 0x4d])
/** The format version of files whose chunks follow the header directly (docs/format.md). */
export const FORMAT_VERSION = 1
/**
 * The piece-aligned version: the header is padded to one chunk's stride, so with a stride equal to
 * the torrent's piece length every chunk and its tag fill exactly one piece (docs/format.md).
 */
export const ALIGNED_FORMAT_VERSION = 2
/** Bytes of the header before the first chunk. */
export const HEADER_SIZE = 104
/** Bytes of the header covered by the header MAC (everything before the MAC). */
export const HEADER_MAC_OFFSET = 72
/** AES-GCM tag bytes after each chunk's ciphertext. */
export const TAG_SIZE = 16
/** Plaintext bytes per chunk unless the writer picks another size. */
export const DEFAULT_CHUNK_SIZE = 65_536
/** Largest chunk size a reader accepts (16 MiB), so a hostile header cannot make it allocate gigabytes. */
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024
/** The name of the encrypted manifest in a paid torrent (data files are stored under `opaqueName(fileId)`). */
export const MANIFEST_NAME = 'manifest'
