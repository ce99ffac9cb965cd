const TYPES: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  mov: 'video/quicktime',
  ogv: 'video/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  weba: 'audio/webm',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  svg: 'text/plain',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
  srt: 'text/plain',
  vtt: 'text/vtt',
  log: 'text/plain',
  html: 'text/plain',
  htm: 'text/plain',
  xml: 'text/plain',
  js: 'text/plain',
  ts: 'text/plain',
  css: 'text/plain',
  zip: 'application/zip',
  torrent: 'application/x-bittorrent',
}

/**
 * The MIME type to serve a file with, from its name. HTML, SVG, script and markup are
 * served as plain text on purpose: a torrent's file must never run as a page of this site.
 */
export function mimeType(name: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''
  const type = TYPES[extension] ?? 'application/octet-stream'
  return type
}
