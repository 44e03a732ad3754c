/**
 * Editorial workflow: the shape of review state, and the rules that decide what a state means. Pure (no Node, no lake imports) so the Studio's actions and badges apply exactly
 * the rules the lake enforces.
 *
 * Review state of a document lives in a system document `workflow.<publishedId>` (type
 * `system.workflow`). The id contains a dot, so anonymous readers never see it
 * (lake/perspective.ts), and only the plugin's workflow endpoints may write it
 * (editorial/lake/service.ts). Schedules and embargo lifts are Content Releases, Sanity's own
 * (editorial/release-schedule.ts).
 */

export const WORKFLOW_TYPE = 'system.workflow'
export const WORKFLOW_PREFIX = 'workflow.'

/** Statuses as stored. `published` is written when a publish consumes the draft. */
export type StoredStatus = 'draft' | 'inReview' | 'changesRequested' | 'approved' | 'published'
/** Statuses as shown (effectiveStatus): the same names; `published` also means "no draft". */
export type WorkflowStatus = StoredStatus

export type WorkflowAction = 'submit' | 'approve' | 'reject' | 'forcePublish'
export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = ['submit', 'approve', 'reject', 'forcePublish']

export type WorkflowLogEntry = {
  _key: string
  at: string
  by: string
  action: WorkflowAction | 'publish' | 'scheduledPublish'
  /** The draft revision the action was about. */
  revision: string | null
  reason?: string
}

export type WorkflowDoc = {
  _id: string
  _type: typeof WORKFLOW_TYPE
  _rev?: string
  documentId: string
  documentType: string
  status: StoredStatus
  /** Draft revision the status was set for: an approval covers exactly this revision. */
  revision: string | null
  submittedBy?: string | null
  approvedBy?: string | null
  /** Why changes were requested, or why an administrator force-published. */
  reason?: string | null
  updatedAt: string
  log: WorkflowLogEntry[]
  /** Release versions (`versions.<release>.<id>`) approved at one revision each: copies of an approved draft. */
  approvedVersions?: { versionId: string; revision: string }[]
}

export const workflowIdOf = (publishedId: string) => `${WORKFLOW_PREFIX}${publishedId}`

/**
 * Whether `id` is one of the workflow's own system documents (only the plugin may write them).
 * `schedule.` ids are the plugin's former schedule records, kept read-only where they remain.
 */
export function isWorkflowSystemId(id: string): boolean {
  return id.startsWith(WORKFLOW_PREFIX) || id.startsWith('schedule.')
}

/**
 * The status that applies to the draft at revision `draftRev` (null: no draft). An approval or a
 * submission belongs to one revision: any later edit returns the document to Draft, so what was
 * approved is exactly what gets published.
 */
export function effectiveStatus(state: Pick<WorkflowDoc, 'status' | 'revision'> | null | undefined, draftRev: string | null): WorkflowStatus {
  if (draftRev === null) return 'published'
  if (!state || state.status === 'published') return 'draft'
  if (state.revision !== draftRev) return 'draft'
  return state.status
}

export const STATUS_LABELS: Record<WorkflowStatus, string> = {
  draft: 'Draft',
  inReview: 'In review',
  changesRequested: 'Changes requested',
  approved: 'Approved',
  published: 'Published',
}

/** Why `approver` may not approve the draft at `draftRev`, or null when they may. */
export function approvalRefusal(status: WorkflowStatus, approver: string, lastEditor: string | null): string | null {
  if (status !== 'inReview') return 'Only a document in review can be approved: submit it for review first.'
  if (lastEditor !== null && lastEditor === approver) return 'You made the last change to this document, so someone else must approve it.'
  return null
}

/** One instant as read in one zone, e.g. `{label: 'Seoul', text: 'Mar 16, 2021, 12:00 AM GMT+9'}`. */
export type ZonedTime = { label: string; zone: string | undefined; text: string }

// Fields, not dateStyle/timeStyle: ECMA-402 forbids combining those with timeZoneName, and every
// engine throws ("Invalid option"), which once crashed the Studio's embargo field and dialogs.
const FORMAT: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }

function formatIn(date: Date, timeZone: string | undefined): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { ...FORMAT, timeZone }).format(date)
  } catch {
    // An unknown zone name (RangeError): shown without it rather than crashing the dialog.
    return null
  }
}

/** "Asia/Seoul" → "Seoul", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
function cityOfZone(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ')
}

/**
 * An instant in Washington (where the press office works), in the trip's own zone (where it
 * happens; left out when unknown, invalid or Washington's) and in the viewer's zone (the browser's,
 * or `viewerZone`): for an embargo lift or a scheduled publish.
 */
export function instantInZones(iso: string, tripZone?: string | null, viewerZone?: string): ZonedTime[] {
  const date = new Date(iso)
  if (!Number.isFinite(date.getTime())) return []
  const times: ZonedTime[] = []
  const add = (label: string, zone: string | undefined) => {
    const text = formatIn(date, zone)
    if (text !== null) times.push({ label, zone, text })
  }
  add('Washington', WASHINGTON)
  if (tripZone && tripZone !== WASHINGTON) add(cityOfZone(tripZone), tripZone)
  add('Your time', viewerZone)
  return times
}

const WASHINGTON = 'America/New_York'

/** "2 d 3 h", "4 h 05 min", "12 min 09 s", or "lifted" once past. */
export function countdown(targetIso: string, now = Date.now()): string {
  const ms = Date.parse(targetIso) - now
  if (!Number.isFinite(ms)) return ''
  if (ms <= 0) return 'lifted'
  const s = Math.floor(ms / 1000)
  const d = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  if (d > 0) return `${d} d ${h} h`
  if (h > 0) return `${h} h ${pad(m)} min`
  return `${m} min ${pad(sec)} s`
}
