import { UnknownVersionError } from './errors'
import type { Manifest, ManifestEntry } from './types'

/**
 * Checks that a value is a manifest the format allows and returns it in canonical form (the
 * fields in order, nothing else), or the reason it is not. Shared by writing and reading so
 * nothing is written that a reader would refuse.
 */
export function parseManifest(value: unknown): { manifest: Manifest } | { reason: string } {
  if (typeof value !== 'object' || value === null) return { reason: 'it is not an object' }
  const { version, files } = value as { version?: unknown; files?: unknown }
  if (version !== 1) throw new UnknownVersionError({ version: typeof version === 'number' ? version : NaN })
  if (!Array.isArray(files)) return { reason: 'it has no list of files' }
  const entries: ManifestEntry[] = []
  const names = new Set<string>()
  const ids = new Set<string>()
  for (const [i, file] of files.entries()) {
    const { name, type, size, fileId } = (file ?? {}) as Record<string, unknown>
    if (typeof name !== 'string' || name.length === 0 || name.length > 1024)
      return { reason: `file ${i} has no usable name` }
    // Names may become paths on disk when saved: no absolute paths, no parent steps, no NUL.
    if (
      name.startsWith('/') ||
      name.includes('\\') ||
      name.includes('\0') ||
      name.split('/').some((part) => part === '..' || part === '.' || part === '')
    )
      return { reason: `file ${i} has an unsafe name` }
    if (typeof type !== 'string' || type.length > 255) return { reason: `file ${i} has an invalid type` }
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
      return { reason: `file ${i} has an invalid size` }
    if (typeof fileId !== 'string' || !/^0x[0-9a-f]{32}$/.test(fileId)) return { reason: `file ${i} has an invalid id` }
    if (names.has(name)) return { reason: `two files are named ${JSON.stringify(name)}` }
    if (ids.has(fileId)) return { reason: `two files share the id ${fileId}` }
    names.add(name)
    ids.add(fileId)
    entries.push({ name, type, size, fileId: fileId as `0x${string}` })
  }
  return { manifest: { version: 1, files: entries } }
}
