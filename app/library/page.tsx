import type { Metadata } from 'next'
import { PageHeading } from '@/components/ui/PageHeading'
import { LibraryList } from './_components/LibraryList'

export const metadata: Metadata = { title: 'Library' }

/** `/library`: every torrent this browser shares or downloads, with its status and a remove button. */
export default function LibraryPage() {
  return (
    <>
      <PageHeading title="Your library">
        What this browser shares and downloads. It all resumes by itself when you come back.
      </PageHeading>
      <LibraryList />
    </>
  )
}
