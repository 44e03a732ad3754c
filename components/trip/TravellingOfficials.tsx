import { OfficialName } from '@/components/official/OfficialName'
import type { OfficialCard } from '@/lib/sanity/types'

export function TravellingOfficials({ officials }: { officials: readonly OfficialCard[] }) {
  if (officials.length === 0) return <p className="text-neutral-dark">No travelling officials have been announced.</p>
  return (
    <ul className="space-y-2">
      {officials.map((official) => (
        <li key={official._id} className="leading-snug">
          <OfficialName official={official} showOrganization />
        </li>
      ))}
    </ul>
  )
}
