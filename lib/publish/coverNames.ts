/**
 * The names a listing's cover image may have at the root of its torrent, in the order a reader
 * looks for them (docs/format.md, "Cover image"). The cover travels unencrypted, also in a paid
 * torrent, so anyone can show it before buying.
 */
export const COVER_NAMES = ['cover.webp', 'cover.jpg'] as const
