import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import './globals.css'
import { CreatorAgentHost } from '@/components/paywall/CreatorAgentHost'
import { TorrentBoot } from '@/components/torrent/TorrentBoot'
import { SiteHeader } from '@/components/ui/SiteHeader'
import { themeScript } from '@/components/ui/ThemeProvider'
import { WrongChainBanner } from '@/components/wallet/WrongChainBanner'
import { Providers } from './providers'

export const metadata: Metadata = {
  title: { default: 'Keyswarm', template: '%s · Keyswarm' },
  description: 'Share and sell files peer to peer, right from your browser.',
  icons: { icon: '/icon.svg' },
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafafa' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="flex min-h-dvh flex-col">
        <Providers>
          <SiteHeader />
          <WrongChainBanner />
          <TorrentBoot />
          <CreatorAgentHost />
          <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">{children}</main>
          <footer className="border-t border-zinc-200 py-6 text-center text-xs text-zinc-500 dark:border-zinc-800">
            Keyswarm — files travel peer to peer; payments settle on chain. Nothing runs on a server of ours.
          </footer>
        </Providers>
      </body>
    </html>
  )
}
