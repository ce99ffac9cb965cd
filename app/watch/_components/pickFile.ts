import { mimeType } from '@/lib/stream/mimeType'

/** The file to show first: the first video, else audio, else anything viewable, else the largest. */
export function pickFile(files: readonly { index: number; name: string; size: number; type?: string }[]): number | undefined {
  const kinds = files.map((file) => file.type ?? mimeType(file.name))
  for (const prefix of ['video/', 'audio/', 'image/', 'application/pdf', 'text/']) {
    const found = kinds.findIndex((kind) => kind.startsWith(prefix))
    if (found >= 0) return files[found]!.index
  }
  let largest = files[0]
  for (const file of files) if (file.size > (largest?.size ?? 0)) largest = file
  return largest?.index
}
