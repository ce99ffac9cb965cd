import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { checkExport } from './checkExport'

let root: string | undefined
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true })
  root = undefined
})

/** Writes an export of `files` (path -> content) into a fresh folder. */
async function makeExport(files: Record<string, string>): Promise<string> {
  root = await mkdtemp(join(tmpdir(), 'export-'))
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), content)
  }
  return root
}

const page = (body: string, base = '') =>
  `<html><head><link rel="stylesheet" href="${base}/_next/static/css/app.css"/><script src="${base}/_next/static/chunks/app.js"></script></head><body>${body}</body></html>`

test('passes an export whose pages are folders and whose links name files, under a base path', async () => {
  const dir = await makeExport({
    'index.html': page(
      '<a href="/keyswarm/watch/?id=1&amp;ws=x">watch</a><a href="https://elsewhere.example/x">out</a>',
      '/keyswarm',
    ),
    'watch/index.html': page('<a href="../">home</a><img src="data:,">', '/keyswarm'),
    '404.html': page('<a href="/keyswarm/">home</a>', '/keyswarm'),
    '_next/static/css/app.css': 'body{background:url(/keyswarm/_next/static/media/bg.svg)}',
    '_next/static/media/bg.svg': '<svg/>',
    '_next/static/chunks/app.js': 'push("/keyswarm/watch/?id="+id);const s="/stream/";',
  })
  expect(checkExport(dir, { basePath: '/keyswarm' })).toEqual([])
})

test('names every reference that only a rewriting server would answer', async () => {
  const dir = await makeExport({
    'index.html': page(
      '<a href="/watch?id=1">slashless</a><a href="/library">guessed</a><img src="/missing.png"><a href="/keyswarm/">outside</a>',
    ),
    'watch/index.html': page(''),
    'library.html': page(''),
    '_next/static/css/app.css': 'body{background:url(/_next/static/media/gone.svg)}',
    '_next/static/chunks/app.js': 'router.push(`/watch?listing=${id}`)',
  })
  const problems = checkExport(dir)
  expect(problems.map(({ file, reference }) => `${file} ${reference}`).sort()).toEqual(
    [
      '_next/static/chunks/app.js `/watch?listing=${id}`)',
      '_next/static/css/app.css /_next/static/media/gone.svg',
      'index.html /keyswarm/',
      'index.html /library',
      'index.html /missing.png',
      'index.html /watch?id=1',
      'library.html library.html',
    ].sort(),
  )
  const reason = (reference: string) => problems.find((problem) => problem.reference === reference)!.reason
  expect(reason('/watch?id=1')).toBe(
    'It names the folder watch without its trailing slash: only hosts that redirect or rewrite open it.',
  )
  expect(reason('/library')).toBe('Only hosts that guess ".html" serve library.html for it.')
  expect(reason('library.html')).toMatch(/^A page as library.html: only hosts that guess ".html" serve it/)
})

test('a site built for a base path fails when its links leave it', async () => {
  const dir = await makeExport({
    'index.html': page('<a href="/watch/">root</a>', '/keyswarm'),
    'watch/index.html': '',
    '_next/static/css/app.css': '',
    '_next/static/chunks/app.js': '',
  })
  expect(checkExport(dir, { basePath: '/keyswarm' })).toEqual([
    {
      file: 'index.html',
      reference: '/watch/',
      reason: 'It points outside the base path "/keyswarm" the site was built for.',
    },
  ])
})
