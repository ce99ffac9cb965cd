import { InvalidWebSeedError } from './errors'

/**
 * The HTTP web seeds (BEP 19) a creator typed (one per line, or separated by spaces or commas),
 * checked and without duplicates: each must be an `http://` or `https://` URL.
 * @throws InvalidWebSeedError for the first entry that is not an http(s) URL.
 */
export function parseWebSeeds(text: string): string[] {
  const out: string[] = []
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    let url: URL
    try {
      url = new URL(entry)
    } catch (error) {
      throw new InvalidWebSeedError(entry, { cause: error })
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) throw new InvalidWebSeedError(entry)
    if (!out.includes(entry)) out.push(entry)
  }
  return out
}
