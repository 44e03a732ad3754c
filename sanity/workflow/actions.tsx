/**
 * The Studio's side of the editorial workflow (rules in editorial/state.ts, enforced by the
 * lake): Submit for review, Approve, Request changes, a Publish that waits for approval, Force
 * publish for administrators, and Schedule (with the embargo lift of a trip), which makes a
 * Content Release (ScheduleDialog.tsx).
 *
 * Every step is a call to the lake's workflow endpoints made with the signed-in user's own
 * session, so the lake knows who approves and refuses an approval by the last editor.
 */
import { CheckmarkCircleIcon, ClockIcon, CloseCircleIcon, WarningOutlineIcon } from '@sanity/icons'
import { Button, Card, Stack, Text, TextArea } from '@sanity/ui'
import { useState } from 'react'
import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps } from 'sanity'
import { useClient, useCurrentUser } from 'sanity'
import { STATUS_LABELS, approvalRefusal } from '../../editorial/state'
import { studioReviewSetting } from '../env'
import { ChangeNoteForm, appendChangeNote, type ChangeNoteChoice } from './ChangeNoteForm'
import { DATED_TYPES, publicationStamp, publishRevision, stampDraft } from './publicationDates'
import { publishGate } from './publishGate'
import { ScheduleDialog } from './ScheduleDialog'
import { useDocumentReleases } from './useDocumentReleases'
import { WORKFLOW_API_VERSION, callWorkflow, useWorkflow, workflowPath } from './useWorkflow'

function useWorkflowCall(props: DocumentActionProps) {
  const client = useClient({ apiVersion: WORKFLOW_API_VERSION })
  const workflow = useWorkflow(props.id, props.draft?._rev)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (action: string, extra: Record<string, unknown> = {}) => {
    setBusy(true)
    setError(null)
    try {
      await callWorkflow(client, workflowPath(client, 'workflow'), { documentId: props.id, action, ...extra })
      workflow.refresh()
      return true
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { client, ...workflow, busy, error, run }
}

const ErrorCard = ({ error }: { error: string | null }) =>
  error ? (
    <Card tone="critical" padding={3} radius={2}>
      <Text size={1}>{error}</Text>
    </Card>
  ) : null

/** A dialog asking for a reason (request changes, force publish). */
function ReasonForm({ label, required, busy, error, onConfirm }: { label: string; required: boolean; busy: boolean; error: string | null; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState('')
  return (
    <Stack space={4} padding={1}>
      <Text as="label" htmlFor="workflow-reason" size={1} weight="semibold">
        {required ? 'Reason (required, recorded with the document)' : 'What should change?'}
      </Text>
      <TextArea id="workflow-reason" rows={3} value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
      <ErrorCard error={error} />
      <Button text={label} tone={required ? 'critical' : 'primary'} disabled={busy || (required && reason.trim() === '')} onClick={() => onConfirm(reason.trim())} />
    </Stack>
  )
}

/**
 * "Submit for review". Two placements of one action: first in the footer (the primary button)
 * where review is required, after Publish where it is not (approval is then only needed for
 * scheduled publishing, and Publish stays the primary button).
 */
function submitForReview(where: 'required' | 'optional'): DocumentActionComponent {
  const SubmitForReview: DocumentActionComponent = (props) => useSubmitAction(props, where)
  return SubmitForReview
}

export const SubmitForReviewAction = submitForReview('required')
export const SubmitForReviewLaterAction = submitForReview('optional')

function useSubmitAction(props: DocumentActionProps, where: 'required' | 'optional'): DocumentActionDescription | null {
  const { client, info, busy, error, run } = useWorkflowCall(props)
  const [open, setOpen] = useState(false)
  if (!info || !props.draft || !['draft', 'changesRequested'].includes(info.status)) return null
  if (info.reviewRequired !== (where === 'required')) return null
  // A published trip's change is marked major or minor here, so the reviewer approves the note too.
  const asksNote = info.reviewRequired && props.type === 'trip' && Boolean(props.published)
  const submit = async (choice?: ChangeNoteChoice) => {
    const noted = choice ? await appendChangeNote(client, `drafts.${props.id}`, choice) : undefined
    // Where review is required the lake publishes the approved draft unchanged, so the
    // publication dates go on now and are approved with it (why: publicationDates.ts).
    const draft = props.draft
    const stamped =
      info.reviewRequired && draft && DATED_TYPES.has(props.type)
        ? await stampDraft(client, `drafts.${props.id}`, publicationStamp({ draft, published: props.published, now: new Date(), major: choice?.major ?? false }))
        : undefined
    const revision = stamped ?? noted
    if (await run('submit', revision ? { revision } : {})) {
      setOpen(false)
      props.onComplete()
    }
  }
  return {
    label: 'Submit for review',
    icon: ClockIcon,
    tone: 'primary',
    disabled: busy,
    onHandle: () => (asksNote ? setOpen(true) : void submit()),
    dialog: open && {
      type: 'dialog',
      header: 'Submit for review: what kind of change is this?',
      onClose: () => setOpen(false),
      content: (
        <Stack space={3}>
          <ChangeNoteForm confirmLabel="Submit for review" busy={busy} onConfirm={(choice) => void submit(choice)} />
          <ErrorCard error={error} />
        </Stack>
      ),
    },
  }
}

export const ApproveAction: DocumentActionComponent = (props) => {
  const { info, busy, error, run } = useWorkflowCall(props)
  const user = useCurrentUser()
  if (!info || info.status !== 'inReview') return null
  const refusal = approvalRefusal(info.status, user?.id ?? '', info.lastEditor)
  return {
    label: 'Approve',
    icon: CheckmarkCircleIcon,
    tone: 'positive',
    disabled: busy || refusal !== null,
    title: refusal ?? error ?? 'Approve this revision for publishing',
    onHandle: () => void run('approve', { revision: info.draftRevision }).then((ok) => ok && props.onComplete()),
  }
}

export const RequestChangesAction: DocumentActionComponent = (props) => {
  const { info, busy, error, run } = useWorkflowCall(props)
  const [open, setOpen] = useState(false)
  if (!info || (info.status !== 'inReview' && info.status !== 'approved')) return null
  return {
    label: 'Request changes',
    icon: CloseCircleIcon,
    tone: 'caution',
    disabled: busy,
    onHandle: () => setOpen(true),
    dialog: open && {
      type: 'dialog',
      header: 'Request changes',
      onClose: () => setOpen(false),
      content: (
        <ReasonForm
          label="Send back to the author"
          required={false}
          busy={busy}
          error={error}
          onConfirm={(reason) => void run('reject', reason ? { reason } : {}).then((ok) => ok && (setOpen(false), props.onComplete()))}
        />
      ),
    },
  }
}

export const ForcePublishAction: DocumentActionComponent = (props) => {
  const { info, busy, error, run } = useWorkflowCall(props)
  const user = useCurrentUser()
  const [open, setOpen] = useState(false)
  const isAdmin = user?.roles.some((role) => role.name === 'administrator') ?? false
  if (!isAdmin || !info || !info.reviewRequired || !props.draft || info.status === 'approved') return null
  return {
    label: 'Force publish',
    icon: WarningOutlineIcon,
    tone: 'critical',
    disabled: busy || Boolean(info.embargoUntil),
    title: info.embargoUntil ? `Embargoed until ${info.embargoUntil}: not even an administrator publishes before the lift` : 'Publish without approval; the reason is recorded',
    onHandle: () => setOpen(true),
    dialog: open && {
      type: 'dialog',
      header: 'Force publish without approval',
      onClose: () => setOpen(false),
      content: (
        <ReasonForm label="Force publish" required busy={busy} error={error} onConfirm={(reason) => void run('forcePublish', { reason }).then((ok) => ok && (setOpen(false), props.onComplete()))} />
      ),
    },
  }
}

/** Schedule publish / Schedule embargo lift: a Content Release, with or without the editorial plugin. */
export const ScheduleAction: DocumentActionComponent = (props) => {
  const { releases } = useDocumentReleases(props.id)
  const [open, setOpen] = useState(false)
  if (!props.draft && !releases?.length) return null
  return {
    label: props.type === 'trip' && props.draft?.embargoUntil ? 'Schedule embargo lift' : 'Schedule publish',
    icon: ClockIcon,
    onHandle: () => setOpen(true),
    dialog: open && { type: 'dialog', header: 'Scheduled publishing', onClose: () => setOpen(false), content: <ScheduleDialog props={props} /> },
  }
}

/**
 * Wraps the Studio's own Publish: disabled, with the reason, until the draft is approved (when
 * review is required); for a published trip without review, asks major or minor first. Where the
 * review service is absent or not answering, disabled with the reason (publishGate.ts): never the
 * stock button, unless the deployment opts out of review. Wherever Publish itself publishes a
 * trip (no review required, or opted out), it writes the publication dates first
 * (publicationDates.ts), on hosted Sanity as on the lake.
 */
export function withReview(Original: DocumentActionComponent): DocumentActionComponent {
  const Publish: DocumentActionComponent = (props) => {
    const original = Original(props) as DocumentActionDescription | null
    const client = useClient({ apiVersion: WORKFLOW_API_VERSION })
    const { info, service } = useWorkflow(props.id, props.draft?._rev)
    const [open, setOpen] = useState(false)
    const [busy, setBusy] = useState(false)
    const [error, setError] = useState<string | null>(null)
    if (!original) return original
    const gate = publishGate(service, studioReviewSetting)
    if (gate.kind === 'blocked') return { ...original, disabled: true, title: gate.title }
    if (gate.kind === 'workflow') {
      if (!info || !props.draft) return original
      if (info.embargoUntil) {
        return { ...original, disabled: true, title: `Embargoed until ${info.embargoUntil}: it publishes at the lift (Schedule embargo lift)` }
      }
      if (info.reviewRequired && info.status !== 'approved') {
        return {
          ...original,
          disabled: true,
          title: `Publishing needs approval, and this is ${STATUS_LABELS[info.status]}. Submit it for review; someone other than its last editor approves it.`,
        }
      }
      // Approved: the draft was stamped when it was submitted, and is published unchanged.
      if (info.reviewRequired) return original
    }
    const draft = props.draft
    if (!draft || !DATED_TYPES.has(props.type)) return original
    const publish = async (choice: ChangeNoteChoice | null) => {
      setBusy(true)
      setError(null)
      try {
        const noted = choice ? await appendChangeNote(client, `drafts.${props.id}`, choice) : undefined
        const stamp = publicationStamp({ draft, published: props.published, now: new Date(), major: choice?.major ?? false })
        const stamped = await stampDraft(client, `drafts.${props.id}`, stamp)
        await publishRevision(client, props.id, stamped ?? noted ?? draft._rev)
        setOpen(false)
        props.onComplete()
      } catch (problem) {
        setError(problem instanceof Error ? problem.message : String(problem))
      } finally {
        setBusy(false)
      }
    }
    // A first publish has nothing to call major or minor: it publishes at once, dated.
    if (!props.published) {
      return {
        ...original,
        disabled: original.disabled || busy,
        title: error ?? original.title,
        onHandle: () => void publish(null),
      }
    }
    return {
      ...original,
      onHandle: () => setOpen(true),
      dialog: open && {
        type: 'dialog',
        header: 'Publish: what kind of change is this?',
        onClose: () => setOpen(false),
        content: (
          <Stack space={3}>
            <ChangeNoteForm confirmLabel="Publish" busy={busy} onConfirm={(choice) => void publish(choice)} />
            <ErrorCard error={error} />
          </Stack>
        ),
      },
    }
  }
  Publish.action = 'publish'
  return Publish
}
