/** A file as {@link pickMainFile} weighs it. */
export type MainFileCandidate = { index: number; size: number; mime: string }

/** Kinds a page shows inline, in the order they win. */
const kinds = [['video/'], ['audio/'], ['image/', 'application/pdf', 'text/']] as const

/**
 * The one rule for the file a torrent opens on, used by /watch, the paid player, free listings
 * and the embed: the largest video; else the largest audio; else the largest file shown inline
 * (image, PDF, text); else the largest file. Largest, not first: a film beats its trailer and a
 * sample whatever their order, and order in a torrent is only the creator's file names sorted.
 * `avoid` (a listing's cover) is picked only when nothing else is there.
 * @returns Undefined for no files.
 */
export function pickMainFile<File extends MainFileCandidate>(
  files: readonly File[],
  { avoid }: { avoid?: number } = {},
): File | undefined {
  const others = files.filter((file) => file.index !== avoid)
  const pool = others.length ? others : files
  const largest = (list: readonly File[]) =>
    list.reduce<File | undefined>((best, file) => (!best || file.size > best.size ? file : best), undefined)
  for (const prefixes of kinds) {
    const found = largest(pool.filter((file) => prefixes.some((prefix) => file.mime.startsWith(prefix))))
    if (found) return found
  }
  return largest(pool)
}
