import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import './globals.css'
import { CreatorAgentHost } from '@/components/paywall/CreatorAgentHost'
import { TorrentBoot } from '@/components/torrent/TorrentBoot'
import { SiteHeader } from '@/components/ui/SiteHeader'
import { themeScript } from '@/components/ui/ThemeProvider'
import { WrongChainBanner } from '@/components/wallet/WrongChainBanner'
import { ChainSwitchNotice } from '@/components/chain/ChainSwitchNotice'
import { sitePath } from '@/lib/sitePath'
import { SiteChrome } from './_components/SiteChrome'
import { pathGatewayScript } from './_components/pathGatewayScript'
import { Providers } from './providers'

export const metadata: Metadata = {
  title: { default: 'Keyswarm', template: '%s · Keyswarm' },
  description: 'Share and sell files peer to peer, right from your browser.',
  // Metadata URLs are not given the base path by Next.
  icons: { icon: sitePath('/icon.svg') },
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
      <body className="flex min-h-dvh flex-col">
        {/* First in <body>, not in a <head> of ours: it still runs before anything paints, and an explicit
            <head> with a child made React's hydration intermittently look for <body>'s first element
            among <head>'s nodes on reloads (minified error #418, the whole page re-rendered). */}
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
        <script dangerouslySetInnerHTML={{ __html: pathGatewayScript }} />
        <Providers>
          <TorrentBoot />
          <CreatorAgentHost />
          <SiteChrome
            header={
              <>
                <SiteHeader />
                <WrongChainBanner />
                <ChainSwitchNotice />
              </>
            }
            footer={
              <footer className="border-t border-zinc-200 py-6 text-center text-xs text-zinc-500 dark:border-zinc-800">
                Keyswarm — files travel peer to peer; payments settle on chain. Nothing runs on a server of ours.
              </footer>
            }
          >
            {children}
          </SiteChrome>
        </Providers>
      </body>
    </html>
  )
}
