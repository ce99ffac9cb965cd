import { mimeType } from '@/lib/stream/mimeType'

/** The file to show first: the first video, else audio, else anything viewable, else the largest. */
export function pickFile(files: readonly { name: string; length: number }[]): number {
  const kinds = files.map((file) => mimeType(file.name))
  for (const prefix of ['video/', 'audio/', 'image/', 'application/pdf', 'text/']) {
    const index = kinds.findIndex((kind) => kind.startsWith(prefix))
    if (index >= 0) return index
  }
  let largest = 0
  files.forEach((file, index) => {
    if (file.length > (files[largest]?.length ?? 0)) largest = index
  })
  return largest
}
