/**
 * The second build the e2e suite tests (`npm run build:subpath`): the site under a base path, in
 * its own folder, served by a plain static host in tests/e2e/deploy-subpath.spec.ts.
 */
export const subpathBuild = { basePath: '/keyswarm', outDir: 'out-subpath' } as const
