/**
 * Whether bytes look like a bencoded .torrent file (a dictionary with an `info` dictionary).
 * A cheap check made before the engine parses it, so a wrong file gets a clear message.
 */
export function isTorrentFile(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x64 /* 'd' */) return false
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)))
  return head.includes('4:infod')
}
