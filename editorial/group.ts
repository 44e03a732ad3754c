/**
 * What goes public with a trip: the trip, its meetings, the facts of its fact sheet and the
 * officials it or its meetings name that have never been published. A schedule or an embargo of a
 * trip puts the whole group in one Content Release, so it publishes together or not at all; the
 * lake plugin's embargo rule (editorial/lake/rules.ts) holds back, before the lift, every part of
 * it not yet public (a fact already public stays editable).
 *
 * Pure (no Node, no lake imports): the Studio reads the candidates with two GROQ queries
 * (GROUP_DOCUMENTS_QUERY, GROUP_REFERENCES_QUERY) and the lake plugin hands over its own
 * documents, and both get the same answer from publicationGroup.
 */

/** The fields of a stored document the group is read from. */
export type GroupDoc = { _id: string; _type: string; [field: string]: unknown }

const DRAFTS = 'drafts.'

/** The trip and its meetings, drafts and published (never versions), for `$id`, the trip's published id. */
export const GROUP_DOCUMENTS_QUERY = `*[(_id in [$id, "drafts." + $id] || (_type == "meeting" && trip._ref == $id)) && !(_id in path("versions.**"))]`

/** The facts and officials `$ids` names (from groupReferences), drafts and published. */
export const GROUP_REFERENCES_QUERY = `*[(_id in $ids || _id in $draftIds) && _type in ["factBullet", "official"]]`

function refOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null
  const ref = (value as { _ref?: unknown })._ref
  return typeof ref === 'string' ? ref : null
}

function refsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((item) => refOf(item) ?? []) : []
}

const baseIdOf = (id: string) => (id.startsWith(DRAFTS) ? id.slice(DRAFTS.length) : id)

/** Fact bullets a trip's fact sheet references (published ids, in order, once each). */
export function factBulletIds(trip: GroupDoc | null | undefined): string[] {
  const sections = Array.isArray(trip?.factSections) ? (trip.factSections as unknown[]) : []
  const ids = sections.flatMap((section) => (typeof section === 'object' && section !== null ? refsIn((section as { bullets?: unknown }).bullets) : []))
  return [...new Set(ids)]
}

/** The current content of each document: its draft where it has one, else the published one. */
function currentById(docs: readonly GroupDoc[]): Map<string, GroupDoc> {
  const byId = new Map<string, GroupDoc>()
  for (const doc of docs) {
    if (!doc._id.startsWith(DRAFTS) && doc._id.includes('.')) continue
    const id = baseIdOf(doc._id)
    if (doc._id.startsWith(DRAFTS) || !byId.has(id)) byId.set(id, doc)
  }
  return byId
}

/** The trip and its meetings as they stand (drafts first), from GROUP_DOCUMENTS_QUERY's result. */
function tripAndMeetings(docs: readonly GroupDoc[], tripId: string): { trip: GroupDoc | null; meetings: GroupDoc[] } {
  const current = currentById(docs)
  const meetings = [...current.values()].filter((doc) => doc._type === 'meeting' && refOf(doc.trip) === tripId)
  return { trip: current.get(tripId) ?? null, meetings }
}

/** The facts and officials the trip and its meetings name: what GROUP_REFERENCES_QUERY asks for. */
export function groupReferences(docs: readonly GroupDoc[], tripId: string): string[] {
  const { trip, meetings } = tripAndMeetings(docs, tripId)
  const officials = [trip, ...meetings].flatMap((doc) => [...refsIn(doc?.officials), ...refsIn(doc?.hosts), ...refsIn(doc?.participants)])
  return [...new Set([...factBulletIds(trip), ...officials])]
}

/**
 * The published ids of everything that goes public with trip `tripId`, the trip first, given the
 * drafts and published documents of the trip, its meetings and what they reference (versions and
 * other documents are ignored). An official goes with the trip only while it has never been
 * published: one already public is edited on its own.
 */
export function publicationGroup(docs: readonly GroupDoc[], tripId: string): string[] {
  const { meetings } = tripAndMeetings(docs, tripId)
  const published = new Set(docs.filter((doc) => !doc._id.includes('.')).map((doc) => doc._id))
  const current = currentById(docs)
  const referenced = groupReferences(docs, tripId).filter((id) => {
    const doc = current.get(id)
    if (!doc) return false
    return doc._type === 'factBullet' || (doc._type === 'official' && !published.has(id))
  })
  return [...new Set([tripId, ...meetings.map((meeting) => baseIdOf(meeting._id)), ...referenced])]
}

/** Of a group, the documents with unpublished changes (a draft): what a release of it carries. */
export function pendingMembers(docs: readonly GroupDoc[], group: readonly string[]): string[] {
  const drafts = new Set(docs.filter((doc) => doc._id.startsWith(DRAFTS)).map((doc) => baseIdOf(doc._id)))
  return group.filter((id) => drafts.has(id))
}
