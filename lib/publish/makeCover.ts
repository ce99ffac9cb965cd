import { NotAnImageError } from './errors'

/** Parameters of {@link makeCover}. */
export type MakeCoverParameters = {
  /** Widest the cover may be, in pixels; larger images are scaled down (default 1280). */
  maxWidth?: number
  /** Tallest the cover may be, in pixels (default 1280). */
  maxHeight?: number
  /** Encoder quality from 0 to 1 (default 0.82). */
  quality?: number
}

/**
 * Turns the image a creator picked into the listing's cover: decoded and scaled down in the tab
 * (never up), re-encoded as WebP (or JPEG where the browser cannot write WebP) and named as
 * `cover.webp` / `cover.jpg` — small, and free of the original's metadata (EXIF, location).
 * @throws NotAnImageError when the browser cannot decode the file as an image.
 */
export async function makeCover(
  image: File,
  { maxWidth = 1280, maxHeight = 1280, quality = 0.82 }: MakeCoverParameters = {},
): Promise<File> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(image)
  } catch (error) {
    throw new NotAnImageError(image.name, { cause: error })
  }
  try {
    const scale = Math.min(1, maxWidth / bitmap.width, maxHeight / bitmap.height)
    const width = Math.max(1, Math.round(bitmap.width * scale))
    const height = Math.max(1, Math.round(bitmap.height * scale))
    const canvas = new OffscreenCanvas(width, height)
    const context = canvas.getContext('2d')
    if (!context) throw new NotAnImageError(image.name)
    context.drawImage(bitmap, 0, 0, width, height)
    // A browser that cannot write WebP hands back PNG: JPEG is then the smaller choice.
    let blob = await canvas.convertToBlob({ type: 'image/webp', quality })
    if (blob.type !== 'image/webp') blob = await canvas.convertToBlob({ type: 'image/jpeg', quality })
    const name = blob.type === 'image/webp' ? 'cover.webp' : 'cover.jpg'
    return new File([blob], name, { type: blob.type })
  } finally {
    bitmap.close()
  }
}
