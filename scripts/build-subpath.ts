/**
 * `npm run build:subpath`: the static export built for KEYSWARM_BASE_PATH=/keyswarm into
 * out-subpath/, for the e2e journeys on a plain static host under a subpath (npm test runs it).
 */
import { join } from 'node:path'
import { buildSite } from './lib/buildSite'
import { subpathBuild } from './lib/subpathBuild'

await buildSite(join(import.meta.dirname, '..'), subpathBuild)
