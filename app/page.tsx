import { PageHeading } from '@/components/ui/PageHeading'
import { Catalog } from '@/components/catalog/Catalog'
import { DropZone } from './_components/DropZone'

export default function HomePage() {
  return (
    <>
      <PageHeading title="Share files straight from your browser">
        Drop files to get a link that streams them to anyone, peer to peer. Nothing is uploaded to a server: your tab
        seeds them while it is open.
      </PageHeading>
      <DropZone />
      <section className="mt-14" aria-labelledby="catalog-heading">
        <h2 id="catalog-heading" className="text-lg font-semibold">
          Listed on chain
        </h2>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Paid and free listings published through the Keyswarm contract, newest first.
        </p>
        <Catalog />
      </section>
    </>
  )
}
