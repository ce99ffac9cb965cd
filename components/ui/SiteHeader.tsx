'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { WalletButton } from '@/components/wallet/WalletButton'
import { ThemeToggle } from './ThemeToggle'

const nav = [
  { href: '/', label: 'Discover' },
  // Folders, as the static export writes them (publish/index.html): no host needs to add the slash.
  { href: '/publish/', label: 'Publish' },
  { href: '/library/', label: 'Library' },
] as const

/** The site's header: logo, the main routes, theme and wallet. */
export function SiteHeader() {
  const pathname = usePathname()
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200/80 bg-white/80 backdrop-blur dark:border-zinc-800/80 dark:bg-zinc-950/80">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <Logo />
          <span>Keyswarm</span>
        </Link>
        <nav className="hidden items-center gap-1 text-sm sm:flex" aria-label="Main">
          {nav.map(({ href, label }) => {
            const active = href === '/' ? pathname === '/' : `${pathname ?? ''}/`.replace(/\/\/$/, '/').startsWith(href)
            return (
              <Link
                key={href}
                href={href}
                aria-current={active ? 'page' : undefined}
                className={`rounded-lg px-3 py-1.5 ${active ? 'bg-zinc-200/70 text-zinc-900 dark:bg-zinc-800 dark:text-white' : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white'}`}
              >
                {label}
              </Link>
            )
          })}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <ThemeToggle />
          <WalletButton />
        </div>
      </div>
    </header>
  )
}

function Logo() {
  return (
    <svg viewBox="0 0 32 32" className="size-7" aria-hidden>
      <rect width="32" height="32" rx="8" className="fill-indigo-600" />
      <circle cx="12" cy="14" r="5" fill="none" stroke="white" strokeWidth="2.5" />
      <path d="M16 17l8 8M21 22l2-2" stroke="white" strokeWidth="2.5" strokeLinecap="round" />
      <circle cx="24" cy="9" r="2" className="fill-amber-400" />
    </svg>
  )
}
