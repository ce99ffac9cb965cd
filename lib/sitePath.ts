/**
 * The site-absolute path of `path` (which starts with `/`): prefixed with the build's base path
 * (`KEYSWARM_BASE_PATH`, inlined by next.config.mjs as NEXT_PUBLIC_BASE_PATH), so links the app
 * makes outside Next's router (share links, the service worker, stream URLs, plain anchors) follow
 * the site when it is hosted under a subpath. Next's `<Link>` and `router.push` add it themselves.
 * @example
 * sitePath('/watch/') // '/watch/' at a domain's root, '/keyswarm/watch/' under KEYSWARM_BASE_PATH=/keyswarm
 */
export function sitePath(path: string): string {
  return `${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}${path}`
}
