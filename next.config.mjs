/** @type {import('next').NextConfig} */
const nextConfig = {
  // A static export: the site is files on any static host (or IPFS); nothing of ours runs on a server.
  output: 'export',
  // A separate build directory lets `next dev` run beside a production build (NEXT_DIST_DIR=.next-dev).
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
