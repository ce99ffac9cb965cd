const cookieName = 'keyswarm-session'

/**
 * An id that lives as long as the browser session: a cookie with no expiry, which the browser
 * drops when it closes. Undefined where there is no document or the cookie is refused (a
 * cross-site frame), so callers keep nothing past the page there.
 */
export function browserSessionId(): string | undefined {
  if (typeof document === 'undefined') return undefined
  const read = () =>
    document.cookie
      .split('; ')
      .find((cookie) => cookie.startsWith(`${cookieName}=`))
      ?.slice(cookieName.length + 1)
  const found = read()
  if (found) return found
  document.cookie = `${cookieName}=${crypto.randomUUID()}; path=/; SameSite=Strict`
  return read()
}
