import type { Metadata } from 'next'
import { OfficialName } from '@/components/official/OfficialName'
import { sanityFetch } from '@/lib/sanity/client'
import { OFFICIALS_QUERY } from '@/sanity/queries'
import { listTag } from '@/lib/revalidation/tags'

export const revalidate = 60

export const metadata: Metadata = {
  title: 'Officials',
  description: 'Officials who travel or take part in meetings, with their titles and organizations.',
}

export default async function OfficialsPage() {
  const officials = await sanityFetch(OFFICIALS_QUERY, {}, ['official', 'country'].map(listTag))
  return (
    <div className="mx-auto max-w-page px-4 py-10">
      <h1 className="text-4xl font-bold tracking-tight">Officials</h1>
      <p className="mt-3 max-w-prose text-lg text-neutral-darker">Everyone who travels or takes part in a meeting, by name.</p>
      <ul className="mt-8 grid gap-x-8 sm:grid-cols-2">
        {officials.map((official) => (
          <li key={official._id} className="border-t border-neutral-lighter py-3 leading-snug">
            <OfficialName official={official} showOrganization />
          </li>
        ))}
      </ul>
    </div>
  )
}
