/**
 * Scheduling a document, or a trip with everything that goes public with it, as a Content
 * Release (editorial/release-schedule.ts): the same Actions API calls on the local lake and on
 * hosted Sanity, so the release also shows in the Studio's own Releases tool. A trip with an
 * embargo is scheduled at its lift; the editorial lake plugin locks the group against publishing
 * before it. Times show in Washington, the trip's zone and the viewer's. Where the project has no
 * Content Releases (a hosted plan without them), the dialog says so and offers nothing.
 */
import { Badge, Button, Card, Flex, Stack, Text, TextInput } from '@sanity/ui'
import { useEffect, useState } from 'react'
import type { DocumentActionProps } from 'sanity'
import { useClient, useFeatureEnabled, useWorkspace } from 'sanity'
import { cancelRelease, describeFailure, documentsToSchedule, scheduleAsRelease, type ReleaseSummary } from '../../editorial/release-schedule'
import { RELEASES_API_VERSION, useDocumentReleases } from './useDocumentReleases'
import { ZonedTimes, tripZoneOf } from './ZonedTimes'

const TONES: Record<string, 'primary' | 'positive' | 'critical' | 'default' | 'caution'> = { scheduled: 'primary', published: 'positive', archived: 'default', active: 'caution' }

export const NO_RELEASES =
  'Scheduling is not available here: this project’s plan has no Content Releases, which Envoy schedules and embargo lifts are. Publish at the time by hand. An embargoed trip still stays off the public site until its lift: the portal checks the embargo itself.'

/** `datetime-local` value (local wall time) for an ISO instant, and back. */
const toLocalInput = (iso: string) => {
  const date = new Date(iso)
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

function titleOf(doc: Record<string, unknown> | null | undefined, id: string): string {
  const title = doc?.title ?? doc?.name
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : id
}

function ReleaseRow({ release, tripZone, basePath, onCancel }: { release: ReleaseSummary; tripZone: string | null; basePath: string; onCancel: (id: string) => void }) {
  const at = release.publishAt ?? release.intendedPublishAt
  return (
    <Card border padding={3} radius={2} data-testid="release-row">
      <Stack space={2}>
        <Flex gap={2} align="center" wrap="wrap">
          <Badge tone={TONES[release.state] ?? 'default'}>{release.state}</Badge>
          <Text size={1} weight="semibold">
            {release.title}
          </Text>
          <a href={`${basePath.replace(/\/$/, '')}/releases/${release.releaseId}`} style={{ fontSize: 13 }}>
            Open in Releases
          </a>
          {(release.state === 'scheduled' || release.state === 'active') && <Button text="Cancel" mode="ghost" tone="critical" fontSize={1} padding={2} onClick={() => onCancel(release.releaseId)} />}
        </Flex>
        {at && <ZonedTimes iso={at} tripZone={tripZone} />}
        {release.error && <Text size={1}>{release.error}</Text>}
      </Stack>
    </Card>
  )
}

export function ScheduleDialog({ props }: { props: DocumentActionProps }) {
  const client = useClient({ apiVersion: RELEASES_API_VERSION })
  const { basePath } = useWorkspace()
  const feature = useFeatureEnabled('contentReleases')
  const { releases, error: listError, refresh } = useDocumentReleases(props.id)
  const doc = props.draft ?? props.published
  const tripZone = props.type === 'trip' ? tripZoneOf(doc) : null
  const embargo = props.type === 'trip' && typeof props.draft?.embargoUntil === 'string' ? props.draft.embargoUntil : null
  const [when, setWhen] = useState(() => toLocalInput(embargo ?? new Date(Date.now() + 3600_000).toISOString()))
  const [members, setMembers] = useState<string[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const publishAt = embargo ?? (Number.isFinite(Date.parse(when)) ? new Date(when).toISOString() : null)

  useEffect(() => {
    let live = true
    documentsToSchedule(client, props.id, props.type)
      .then((ids) => live && setMembers(ids))
      .catch((problem: unknown) => live && setError(describeFailure(problem)))
    return () => {
      live = false
    }
  }, [client, props.id, props.type, props.draft?._rev])

  const schedule = async () => {
    if (!publishAt) return setError('Pick a date and time.')
    if (!embargo && Date.parse(publishAt) <= Date.now()) return setError('Pick a time in the future.')
    setBusy(true)
    setError(null)
    try {
      const ids = await documentsToSchedule(client, props.id, props.type)
      const title = titleOf(doc, props.id)
      await scheduleAsRelease(client, {
        title: embargo ? `Embargo lift: ${title}` : `Publish: ${title}`,
        description: embargo ? 'Envoy embargo lift: publishes the trip with its meetings, facts and new officials at the lift, and not before.' : 'Scheduled in Envoy.',
        documentIds: ids,
        publishAt,
      })
      refresh()
    } catch (problem) {
      setError(describeFailure(problem))
    } finally {
      setBusy(false)
    }
  }
  const cancel = async (releaseId: string) => {
    setError(null)
    try {
      await cancelRelease(client, releaseId)
      refresh()
    } catch (problem) {
      setError(describeFailure(problem))
    }
  }

  if (!feature.isLoading && !feature.enabled) {
    return (
      <Card tone="caution" padding={3} radius={2} data-testid="no-releases">
        <Text size={1}>{NO_RELEASES}</Text>
      </Card>
    )
  }
  const others = members ? members.filter((id) => id !== props.id).length : 0
  // One scheduled release per document: a second would race the first at its own time.
  const alreadyScheduled = releases?.some((release) => release.state === 'scheduled') ?? false
  const scheduledNote = alreadyScheduled ? <Text size={1}>Already scheduled: cancel the release below to schedule it again.</Text> : null
  return (
    <Stack space={4} padding={1}>
      {props.draft &&
        (embargo ? (
          <Stack space={3}>
            <Text size={1}>
              The trip, its meetings, the facts of its fact sheet and new officials it names publish together at the embargo lift, as one release, and nothing of it before. Where review is required,
              each must be approved by then, or nothing publishes and the release says why.
            </Text>
            <ZonedTimes iso={embargo} tripZone={tripZone} />
            {members && <Text size={1}>{`Publishes together: the trip and ${others} other document${others === 1 ? '' : 's'} with unpublished changes.`}</Text>}
            {scheduledNote}
            <Button text="Schedule the lift" tone="primary" disabled={busy || feature.isLoading || alreadyScheduled} onClick={() => void schedule()} />
          </Stack>
        ) : (
          <Stack space={3}>
            <Text as="label" htmlFor="schedule-at" size={1} weight="semibold">
              Publish at (your local time)
            </Text>
            <TextInput id="schedule-at" type="datetime-local" value={when} onChange={(event) => setWhen(event.currentTarget.value)} />
            {publishAt && <ZonedTimes iso={publishAt} tripZone={tripZone} />}
            {members && props.type === 'trip' && <Text size={1}>{`Publishes together: the trip and ${others} other document${others === 1 ? '' : 's'} with unpublished changes.`}</Text>}
            <Text size={1} muted>
              It becomes a scheduled release, also in the Releases tool. Where review is required it publishes only if approved by then; otherwise the release says why.
            </Text>
            {scheduledNote}
            <Button text="Schedule" tone="primary" disabled={busy || !publishAt || feature.isLoading || alreadyScheduled} onClick={() => void schedule()} />
          </Stack>
        ))}
      {(error ?? listError) && (
        <Card tone="critical" padding={3} radius={2}>
          <Text size={1}>{error ?? listError}</Text>
        </Card>
      )}
      <Stack space={3}>
        <Text size={1} weight="semibold">
          Releases
        </Text>
        {releases?.length === 0 && <Text size={1}>None.</Text>}
        {releases?.map((release) => (
          <ReleaseRow key={release.releaseId} release={release} tripZone={tripZone} basePath={basePath} onCancel={(id) => void cancel(id)} />
        ))}
      </Stack>
    </Stack>
  )
}
