/**
 * "Major or minor?" asked when a published trip's changes go out: a major change carries a note
 * readers see in the trip's change history and its feed entry; a minor one may carry a note for
 * the record. Asked at "Submit for review" when review is required (so the reviewer approves the
 * note with the change), otherwise at "Publish".
 */
import { Button, Card, Flex, Radio, Stack, Text, TextArea } from '@sanity/ui'
import { useState } from 'react'
import type { SanityClient } from 'sanity'

export type ChangeNoteChoice = { major: boolean; note: string }

export function ChangeNoteForm({ confirmLabel, onConfirm, busy }: { confirmLabel: string; onConfirm: (choice: ChangeNoteChoice) => void; busy: boolean }) {
  const [major, setMajor] = useState(false)
  const [note, setNote] = useState('')
  const missing = major && note.trim() === ''
  return (
    <Stack space={4} padding={1}>
      <Stack space={3}>
        <Flex as="label" gap={2} align="center">
          <Radio name="change-kind" value="minor" checked={!major} onChange={() => setMajor(false)} />
          <Text size={1}>Minor change (a correction of wording; readers are not told)</Text>
        </Flex>
        <Flex as="label" gap={2} align="center">
          <Radio name="change-kind" value="major" checked={major} onChange={() => setMajor(true)} />
          <Text size={1}>Major change (readers see the note in the change history and the feed)</Text>
        </Flex>
      </Stack>
      <Stack space={2}>
        <Text as="label" htmlFor="change-note" size={1} weight="semibold">
          What changed{major ? '' : ' (optional)'}
        </Text>
        <TextArea id="change-note" rows={3} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
      </Stack>
      {missing && (
        <Card tone="caution" padding={2} radius={2}>
          <Text size={1}>Say in a sentence what changed: readers will see it.</Text>
        </Card>
      )}
      <Flex justify="flex-end">
        <Button text={confirmLabel} tone="primary" disabled={busy || missing} onClick={() => onConfirm({ major, note: note.trim() })} />
      </Flex>
    </Stack>
  )
}

/** Appends the note to the trip's draft; returns the draft's new revision. */
export async function appendChangeNote(client: SanityClient, draftId: string, choice: ChangeNoteChoice): Promise<string | undefined> {
  if (!choice.major && choice.note === '') return undefined
  const entry = { _key: crypto.randomUUID().slice(0, 12), _type: 'changeNote', date: new Date().toISOString(), note: choice.note, major: choice.major }
  const result = await client.patch(draftId).setIfMissing({ changeNotes: [] }).append('changeNotes', [entry]).commit()
  return result._rev
}
