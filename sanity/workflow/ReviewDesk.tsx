/**
 * The review desk, a Studio tool: every document In review (for reviewers) and every one sent
 * back with Changes requested (for their authors, with the reason), each with who submitted it,
 * when, and which fields it changes. A reviewer who is not the last editor approves and publishes
 * from here in one step, through the same lake endpoints the document actions call.
 */
import { CheckmarkCircleIcon, ClipboardIcon } from '@sanity/icons'
import { Badge, Box, Button, Card, Container, Dialog, Flex, Heading, Spinner, Stack, Text } from '@sanity/ui'
import { useState } from 'react'
import type { SanityClient, Tool } from 'sanity'
import { useClient, useCurrentUser, useRelativeTime, useSchema, useUser } from 'sanity'
import { IntentLink } from 'sanity/router'
import { approvalRefusal } from '../../editorial/state'
import { publishRevision } from './publicationDates'
import type { QueueRow } from './reviewQueue'
import { WORKFLOW_API_VERSION, callWorkflow, useWorkflow, workflowPath } from './useWorkflow'
import { useReviewQueue } from './useReviewQueue'

/**
 * Approve, then publish exactly the approved revision: a draft changed in between is refused by
 * the lake rather than published unseen. A publish refused after the approval leaves the document
 * Approved, and the reason says so.
 */
async function approveAndPublish(client: SanityClient, documentId: string, revision: string): Promise<void> {
  await callWorkflow(client, workflowPath(client, 'workflow'), { documentId, action: 'approve', revision })
  try {
    await publishRevision(client, documentId, revision)
  } catch (problem) {
    throw new Error(`Approved, but not published: ${problem instanceof Error ? problem.message : String(problem)}`)
  }
}

function UserName({ id }: { id: string | null }) {
  return id ? <KnownUserName id={id} /> : <>someone</>
}

function KnownUserName({ id }: { id: string }) {
  const [user] = useUser(id)
  const me = useCurrentUser()
  return (
    <>
      {user?.displayName ?? id}
      {me?.id === id ? ' (you)' : ''}
    </>
  )
}

const absolute = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' })

function When({ iso }: { iso: string }) {
  const relative = useRelativeTime(iso, { useTemporalPhrase: true })
  const date = new Date(iso)
  return (
    <time dateTime={iso} title={date.toISOString()}>
      {relative} ({Number.isFinite(date.getTime()) ? absolute.format(date) : iso})
    </time>
  )
}

/** Field names as the schema titles them ("Fact sections", not `factSections`). */
function useFieldTitles(type: string, names: string[]): string[] {
  const schemaType = useSchema().get(type)
  const fields = schemaType && 'fields' in schemaType ? schemaType.fields : []
  return names.map((name) => fields.find((field) => field.name === name)?.type.title ?? name)
}

function Changed({ row }: { row: QueueRow }) {
  const titles = useFieldTitles(row.documentType, row.changedFields)
  const text = row.isNew ? `New document: ${titles.join(', ') || 'no fields yet'}` : titles.length ? `Changed: ${titles.join(', ')}` : 'No content changes'
  return (
    <Text size={1} muted data-testid="review-desk-changes">
      {text}
    </Text>
  )
}

function ApproveAndPublish({ row }: { row: QueueRow }) {
  const client = useClient({ apiVersion: WORKFLOW_API_VERSION })
  const user = useCurrentUser()
  const { info } = useWorkflow(row.documentId, row.revision)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  if (!info) return <Spinner muted />
  const refusal =
    approvalRefusal(info.status, user?.id ?? '', info.lastEditor) ?? (info.embargoUntil ? `Embargoed until ${info.embargoUntil}: approve it in the document and schedule the embargo lift.` : null)
  const run = async () => {
    setBusy(true)
    setProblem(null)
    try {
      await approveAndPublish(client, row.documentId, row.revision)
      setConfirming(false)
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
      setConfirming(false)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Stack space={2}>
      <Flex justify="flex-end">
        <Button
          text="Approve and publish"
          icon={CheckmarkCircleIcon}
          tone="positive"
          mode="ghost"
          disabled={busy || refusal !== null}
          title={refusal ?? 'Approve this revision and publish it'}
          onClick={() => setConfirming(true)}
        />
      </Flex>
      {refusal || problem ? (
        <Text size={1} muted data-testid="review-desk-refusal">
          {problem ?? refusal}
        </Text>
      ) : null}
      {confirming ? (
        <Dialog
          id={`approve-publish-${row.documentId}`}
          header="Approve and publish"
          onClose={() => setConfirming(false)}
          footer={
            <Flex justify="flex-end" gap={2} padding={3}>
              <Button text="Cancel" mode="bleed" disabled={busy} onClick={() => setConfirming(false)} />
              <Button text="Approve and publish now" tone="positive" disabled={busy} loading={busy} onClick={() => void run()} />
            </Flex>
          }
        >
          <Box padding={4}>
            <Text>“{row.title}” will be approved and published as submitted; readers see it at once.</Text>
          </Box>
        </Dialog>
      ) : null}
    </Stack>
  )
}

function QueueItem({ row }: { row: QueueRow }) {
  const typeTitle = useSchema().get(row.documentType)?.title ?? row.documentType
  return (
    <Card padding={3} radius={2} border data-testid="review-desk-row" data-document-id={row.documentId}>
      <Flex gap={3} align="flex-start">
        <Stack space={3} flex={1}>
          <Flex gap={2} align="center">
            <Text weight="semibold">
              <IntentLink intent="edit" params={{ id: row.documentId, type: row.documentType }}>
                {row.title}
              </IntentLink>
            </Text>
            <Badge>{typeTitle}</Badge>
          </Flex>
          <Text size={1}>
            Submitted by <UserName id={row.submittedBy} />, <When iso={row.submittedAt} />
          </Text>
          <Changed row={row} />
          {row.status === 'changesRequested' ? (
            <Card tone="caution" padding={2} radius={2}>
              <Text size={1}>
                <UserName id={row.rejectedBy} /> requested changes{row.reason ? `: ${row.reason}` : ' (no reason given)'}
              </Text>
            </Card>
          ) : null}
        </Stack>
        {row.status === 'inReview' ? (
          <Box style={{ maxWidth: 320 }}>
            <ApproveAndPublish row={row} />
          </Box>
        ) : null}
      </Flex>
    </Card>
  )
}

function Section({ title, empty, rows, testId }: { title: string; empty: string; rows: QueueRow[]; testId: string }) {
  return (
    <Stack space={3} data-testid={testId}>
      <Heading as="h2" size={1}>
        {title} ({rows.length})
      </Heading>
      {rows.length === 0 ? (
        <Text size={1} muted>
          {empty}
        </Text>
      ) : (
        rows.map((row) => <QueueItem key={row.documentId} row={row} />)
      )}
    </Stack>
  )
}

function ReviewDesk() {
  const { rows, error } = useReviewQueue()
  return (
    <Card height="fill" overflow="auto">
      <Container width={2} padding={4}>
        <Stack space={5}>
          <Heading as="h1" size={2}>
            Review desk
          </Heading>
          {error ? (
            <Card tone="critical" padding={3} radius={2}>
              <Text size={1}>{error}</Text>
            </Card>
          ) : null}
          {rows === null ? (
            <Spinner muted />
          ) : (
            <>
              <Section title="In review" empty="Nothing waits for review." rows={rows.filter((row) => row.status === 'inReview')} testId="review-desk-in-review" />
              <Section title="Changes requested" empty="Nothing was sent back." rows={rows.filter((row) => row.status === 'changesRequested')} testId="review-desk-changes-requested" />
            </>
          )}
        </Stack>
      </Container>
    </Card>
  )
}

export const reviewDeskTool: Tool = {
  name: 'review-desk',
  title: 'Review desk',
  icon: ClipboardIcon,
  component: ReviewDesk,
}
