import { InvalidTrackerError } from './errors'

/**
 * The extra WebSocket trackers a creator typed (one per line, or separated by spaces or commas),
 * checked and without duplicates. Browsers reach only WebSocket trackers, so anything other
 * than `ws://` or `wss://` is refused.
 * @throws InvalidTrackerError for the first entry that is not a ws:// or wss:// URL.
 * @example
 * parseTrackers('wss://tracker.example.org\nws://127.0.0.1:8000') // ['wss://tracker.example.org', 'ws://127.0.0.1:8000']
 */
export function parseTrackers(text: string): string[] {
  const out: string[] = []
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    let url: URL
    try {
      url = new URL(entry)
    } catch (error) {
      throw new InvalidTrackerError(entry, { cause: error })
    }
    if ((url.protocol !== 'ws:' && url.protocol !== 'wss:') || !url.hostname) throw new InvalidTrackerError(entry)
    if (!out.includes(entry)) out.push(entry)
  }
  return out
}
