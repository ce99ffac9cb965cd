import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/** Parameters of `checkExport`. */
export type CheckExportParameters = {
  /** The base path the export was built for (`KEYSWARM_BASE_PATH`), `''` at a domain's root. */
  basePath?: string
}

/** One reference in the export that a host mapping URLs to files, and nothing more, would not serve. */
export type ExportProblem = {
  /** The export's file holding the reference, relative to the export's folder. */
  file: string
  /** The URL or path as written in that file (or the file itself, for a misplaced page). */
  reference: string
  /** Why it fails on such a host, as a sentence. */
  reason: string
}

const SITE = 'http://site.invalid'

/**
 * Checks that a static export works on a host that maps a URL to a file and does nothing else
 * (Python's http.server, IPFS gateways, object stores): `/dir/` serves `dir/index.html`, `/file`
 * serves `file`, no `.html` guessing, no redirects, no rewrites. Every page must be a folder's
 * `index.html`; every `href`/`src` in the HTML and every `url()` in the CSS must name a file there;
 * and no script may hold a link to a route without its trailing slash (`"/watch?id="`), which only
 * a server that adds the slash or guesses `.html` would open.
 * @returns Every problem found; empty when the export needs no server help.
 */
export function checkExport(root: string, { basePath = '' }: CheckExportParameters = {}): ExportProblem[] {
  const problems: ExportProblem[] = []
  const files = listFiles(root)
  // Next's own 404 and _not-found names appear in its router as page names, not as links.
  const routes = files
    .filter((file) => file.endsWith('/index.html') && !/^(_next|404|_not-found)\//.test(file))
    .map((file) => file.slice(0, -'/index.html'.length))
  if (!files.includes('index.html'))
    problems.push({ file: 'index.html', reference: 'index.html', reason: 'The export has no index.html at its root.' })

  for (const file of files) {
    if (file.endsWith('.html') && !file.endsWith('index.html') && file !== '404.html')
      problems.push({
        file,
        reference: file,
        reason: `A page as ${file}: only hosts that guess ".html" serve it; build with trailingSlash so it is ${file.slice(0, -5)}/index.html.`,
      })
    const text = () => readFileSync(join(root, file), 'utf8')
    if (file.endsWith('.html')) {
      // 404.html is served at any missing path: what it names resolves from the site's root.
      const page = file === '404.html' ? '' : file.slice(0, -'index.html'.length)
      for (const [, reference] of text().matchAll(/\s(?:href|src)="([^"]*)"/g))
        check(file, decodeEntities(reference!), `${SITE}${basePath}/${page}`)
    } else if (file.endsWith('.css')) {
      for (const [, reference] of text().matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g))
        check(file, reference!, `${SITE}${basePath}/${file}`)
    } else if (file.endsWith('.js') || file.endsWith('.txt')) {
      const source = text()
      for (const route of routes) {
        const slashless = new RegExp(`["'\`]${escape(`${basePath}/${route}`)}(?=[?#"'\`])`, 'g')
        for (const match of source.matchAll(slashless))
          problems.push({
            file,
            reference: source.slice(match.index, match.index + 40).split(/\s/)[0]!,
            reason: `A link to /${route} without its trailing slash: plain hosts answer 404 there; write /${route}/.`,
          })
      }
    }
  }
  return problems

  function check(file: string, reference: string, pageUrl: string) {
    if (!reference || /^(#|data:|blob:|mailto:|javascript:)/i.test(reference)) return
    const url = new URL(reference, pageUrl)
    if (url.origin !== SITE) return
    const path = decodeURIComponent(url.pathname)
    if (path !== basePath && !path.startsWith(`${basePath}/`)) {
      problems.push({
        file,
        reference,
        reason: `It points outside the base path "${basePath}" the site was built for.`,
      })
      return
    }
    const inside = path.slice(basePath.length + 1)
    const target = join(root, inside.endsWith('/') || inside === '' ? `${inside}index.html` : inside)
    if (isFile(target)) return
    const reason = isFile(join(root, inside, 'index.html'))
      ? `It names the folder ${inside} without its trailing slash: only hosts that redirect or rewrite open it.`
      : isFile(join(root, `${inside}.html`))
        ? `Only hosts that guess ".html" serve ${inside}.html for it.`
        : `No file in the export answers it.`
    problems.push({ file, reference, reason })
  }
}

function listFiles(root: string, folder = root): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path).split(sep).join('/')]
  })
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile()
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
