/**
 * The Content Releases a document is in (or published or was archived with), kept current: one
 * listener per open document for the release documents and the document's versions, shared by
 * the Schedule action, its dialog and the badge (documentStream.ts).
 */
import { useClient } from 'sanity'
import { describeFailure, releasesOf, type ReleaseSummary } from '../../editorial/release-schedule'
import { documentStreams } from './documentStream'

/** Release actions and the `versions.*` layer need this API version or later. */
export const RELEASES_API_VERSION = '2025-02-19'

type Snapshot = { releases: ReleaseSummary[] | null; error: string | null }

const useReleasesStream = documentStreams<Snapshot>({
  initial: { releases: null, error: null },
  load: (client, id, current) =>
    releasesOf(client, id).then(
      (releases) => ({ releases, error: null }),
      (error: unknown) => ({ releases: current.releases, error: describeFailure(error) }),
    ),
  listen: (client, id) => client.listen('*[_type == "system.release" || sanity::versionOf($id)]', { id }, { visibility: 'query', includeResult: false, includeAllVersions: true }),
})

export function useDocumentReleases(publishedId: string): Snapshot & { refresh: () => void } {
  const { value, refresh } = useReleasesStream(useClient({ apiVersion: RELEASES_API_VERSION }), publishedId)
  return { ...value, refresh }
}
