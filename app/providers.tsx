'use client'

import '@rainbow-me/rainbowkit/styles.css'
import { RainbowKitProvider, darkTheme, lightTheme } from '@rainbow-me/rainbowkit'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import { WagmiProvider } from 'wagmi'
import { ReceiptsHost } from '@/components/receipts/ReceiptsHost'
import { devWallet } from '@/components/wallet/devWallet'
import { ThemeProvider } from '@/components/ui/ThemeProvider'
import { useTheme } from '@/components/ui/useTheme'
import { createWagmiConfig } from '@/lib/chain/createWagmiConfig'
import { homeChain } from '@/lib/chain/homeChain'
import { appConfig, isLocalChain } from '@/lib/config'

const accent = { accentColor: '#4f46e5', accentColorForeground: 'white', borderRadius: 'medium' } as const

function RainbowKitThemed({ children }: { children: ReactNode }) {
  const { resolved } = useTheme()
  return (
    <RainbowKitProvider
      theme={resolved === 'dark' ? darkTheme(accent) : lightTheme(accent)}
      initialChain={homeChain()}
      appInfo={{ appName: appConfig.name }}
    >
      {children}
    </RainbowKitProvider>
  )
}

/** The app's client providers: theme, wagmi, TanStack Query, RainbowKit. */
export function Providers({ children }: { children: ReactNode }) {
  // Created once per tab, after the stack config the server injected is readable.
  const [wagmiConfig] = useState(() => createWagmiConfig({ extraWallets: isLocalChain() ? [devWallet] : [] }))
  const [queryClient] = useState(() => new QueryClient())
  return (
    <ThemeProvider>
      <WagmiProvider config={wagmiConfig}>
        <QueryClientProvider client={queryClient}>
          <ReceiptsHost />
          <RainbowKitThemed>{children}</RainbowKitThemed>
        </QueryClientProvider>
      </WagmiProvider>
    </ThemeProvider>
  )
}
