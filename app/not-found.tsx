import Link from 'next/link'
import { AddTrailingSlash } from './_components/AddTrailingSlash'

export default function NotFound() {
  return (
    <div className="grid min-h-[40vh] place-items-center text-center">
      <AddTrailingSlash />
      <div>
        <p className="text-sm font-medium text-indigo-600 dark:text-indigo-400">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">There is nothing at this address</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">The link may be mistyped, or the page moved.</p>
        <Link href="/" className="mt-6 inline-block rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
          Back to Keyswarm
        </Link>
      </div>
    </div>
  )
}
