/**
 * `KEYSWARM_BASE_PATH=/keyswarm` builds the site to be served under that path (a GitHub Pages
 * project site, a folder of a bigger site); unset, it lives at the root of its origin.
 * @param {string | undefined} value
 */
function readBasePath(value) {
  const path = (value ?? '').trim().replace(/\/+$/, '')
  if (path && !/^(\/[A-Za-z0-9._~-]+)+$/.test(path))
    throw new Error(`KEYSWARM_BASE_PATH is "${value}": give a path such as /keyswarm (a leading slash, plain path segments, no query).`)
  return path
}

const basePath = readBasePath(process.env.KEYSWARM_BASE_PATH)

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A static export: the site is files on any static host (or IPFS); nothing of ours runs on a server.
  output: 'export',
  // Every route is a folder with an index.html (`watch/index.html`), so hosts that map URLs to files
  // and nothing more (Python's http.server, IPFS gateways, object stores) serve `/watch/?id=…`.
  trailingSlash: true,
  // Routes, assets and (through NEXT_PUBLIC_BASE_PATH, see lib/sitePath.ts) the service worker, its
  // stream URLs and share links all live under the base path.
  basePath,
  assetPrefix: basePath || undefined,
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
  // A separate build directory lets `next dev` run beside a production build (NEXT_DIST_DIR=.next-dev).
  // With `output: 'export'`, any other directory is where the export lands (npm run build:subpath).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  images: { unoptimized: true },
  // Type checking and lint run as their own steps of `npm test`; building does not repeat them.
  typescript: { ignoreBuildErrors: true },
  eslint: { ignoreDuringBuilds: true },
  webpack: (config) => {
    // wagmi's connectors reference optional packages we do not ship (WalletConnect's pretty printer,
    // MetaMask SDK's React Native storage, the Base account SDK's x402 payments); mark them absent.
    config.externals.push('pino-pretty', 'lokijs', 'encoding')
    const absent = ['@react-native-async-storage/async-storage', '@x402/core', '@x402/evm', '@x402/extensions', '@x402/svm']
    config.resolve.alias = { ...config.resolve.alias, ...Object.fromEntries(absent.map((name) => [name, false])) }
    return config
  },
}

export default nextConfig
