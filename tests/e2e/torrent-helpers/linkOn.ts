/** The same share link, opened on another person's site (each has its own origin and configuration). */
export function linkOn(origin: string, shareLink: string, extra = '') {
  const url = new URL(shareLink)
  return `${origin}${url.pathname}${url.search}${extra}`
}
