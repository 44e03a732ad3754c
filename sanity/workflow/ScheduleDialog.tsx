/**
 * Schedules of a document: when it (or, for a trip's embargo, the trip with its meetings and fact
 * sheet) publishes, with the time in Washington, locally and in UTC; the schedules' outcomes,
 * including why one did not publish; and cancel.
 */
import { Badge, Button, Card, Flex, Stack, Text, TextInput } from '@sanity/ui'
import { useState } from 'react'
import type { DocumentActionProps } from 'sanity'
import { useClient } from 'sanity'
import { formatInstantThreeWays, type ScheduleDoc } from '../../editorial/state'
import { WORKFLOW_API_VERSION, callWorkflow, workflowPath, type WorkflowInfo } from './useWorkflow'

const TONES = { scheduled: 'primary', succeeded: 'positive', failed: 'critical', cancelled: 'default' } as const

export function ThreeTimes({ iso }: { iso: string }) {
  const times = formatInstantThreeWays(iso)
  return (
    <Text size={1} muted>
      Washington {times.washington} · Local {times.local} · UTC {times.utc}
    </Text>
  )
}

/** `datetime-local` value (local wall time) for an ISO instant, and back. */
const toLocalInput = (iso: string) => {
  const date = new Date(iso)
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

export function ScheduleDialog({ props, info }: { props: DocumentActionProps; info: WorkflowInfo }) {
  const client = useClient({ apiVersion: WORKFLOW_API_VERSION })
  const embargo = props.type === 'trip' && typeof props.draft?.embargoUntil === 'string' ? (props.draft.embargoUntil as string) : null
  const [when, setWhen] = useState(() => toLocalInput(embargo ?? new Date(Date.now() + 3600_000).toISOString()))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const publishAt = Number.isFinite(Date.parse(when)) ? new Date(when).toISOString() : null

  const schedule = async () => {
    if (!publishAt) return setError('Pick a date and time.')
    setBusy(true)
    setError(null)
    try {
      await callWorkflow(client, workflowPath(client, 'schedules'), { documentIds: [props.id], publishAt: embargo ?? publishAt, kind: embargo ? 'embargo' : 'publish' })
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem))
    } finally {
      setBusy(false)
    }
  }
  const cancel = async (id: string) => {
    try {
      await callWorkflow(client, workflowPath(client, 'schedules', id, 'cancel'), {})
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem))
    }
  }

  return (
    <Stack space={4} padding={1}>
      {props.draft &&
        (embargo ? (
          <Stack space={3}>
            <Text size={1}>The trip, its meetings and its fact sheet publish together at the embargo lift. Each must be approved by then, or nothing publishes and the schedule says why.</Text>
            <ThreeTimes iso={embargo} />
            <Button text="Schedule the lift" tone="primary" disabled={busy} onClick={() => void schedule()} />
          </Stack>
        ) : (
          <Stack space={3}>
            <Text as="label" htmlFor="schedule-at" size={1} weight="semibold">
              Publish at (your local time)
            </Text>
            <TextInput id="schedule-at" type="datetime-local" value={when} onChange={(event) => setWhen(event.currentTarget.value)} />
            {publishAt && <ThreeTimes iso={publishAt} />}
            <Text size={1} muted>
              It publishes only if approved by then; otherwise the schedule records why.
            </Text>
            <Button text="Schedule" tone="primary" disabled={busy || !publishAt} onClick={() => void schedule()} />
          </Stack>
        ))}
      {error && (
        <Card tone="critical" padding={3} radius={2}>
          <Text size={1}>{error}</Text>
        </Card>
      )}
      <Stack space={3}>
        <Text size={1} weight="semibold">
          Schedules
        </Text>
        {info.schedules.length === 0 && <Text size={1}>None.</Text>}
        {info.schedules.map((item: ScheduleDoc) => (
          <Card key={item._id} border padding={3} radius={2} data-testid="schedule-row">
            <Stack space={2}>
              <Flex gap={2} align="center">
                <Badge tone={TONES[item.state]}>{item.state}</Badge>
                <Text size={1}>{item.kind === 'embargo' ? 'Embargo lift' : 'Publish'}</Text>
                {item.state === 'scheduled' && <Button text="Cancel" mode="ghost" tone="critical" fontSize={1} padding={2} onClick={() => void cancel(item._id)} />}
              </Flex>
              <ThreeTimes iso={item.publishAt} />
              {item.failureReason && <Text size={1}>{item.failureReason}</Text>}
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  )
}
