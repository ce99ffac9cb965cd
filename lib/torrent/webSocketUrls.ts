/**
 * The ws:// and wss:// URLs among some values: browsers reach trackers and relays over WebSocket
 * only, so anything else a link names is ignored, never dialled.
 */
export function webSocketUrls(values: readonly string[]): string[] {
  return values.filter((value) => /^wss?:\/\/\S+$/i.test(value))
}
