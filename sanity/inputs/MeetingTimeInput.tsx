/**
 * A meeting's start or end, typed as the clocks show it where the meeting happens: a date and a
 * time in the meeting's zone (its own, else its trip destination's), labelled with that zone, and
 * shown underneath as readers will see it, local time and Washington's. The stored value stays a
 * UTC instant, as the portal reads it; the browser's own zone plays no part (Sanity's datetime
 * input reads and writes in it, which is how 10:00 typed for Seoul became 7:00 PM in Washington).
 *
 * A time the clocks skip is refused and nothing is stored; a time they repeat is taken as its first
 * occurrence and the note says so (sanity/lib/timeZone.ts).
 */
import { Card, Flex, Stack, Text, TextInput } from '@sanity/ui'
import { useState, type ChangeEvent, type FocusEvent, type ReactNode } from 'react'
import { FormField, set, unset, useFormValue, type StringInputProps } from 'sanity'
import { formatLocalTime, formatWashingtonTime, WASHINGTON_TIME_ZONE, zoneAbbreviation } from '../../lib/time'
import { instantToWallClock, sameInstant, utcOffsetLabel, wallClockToInstant, type WallClock } from '../lib/timeZone'
import { useMeetingTimeZone } from './useMeetingTimeZone'

const EMPTY: WallClock = { date: '', time: '' }
const MAX_TYPED = 16

/** What the typed pair means: nothing, an instant (with a note), or why it cannot be stored. */
function interpret(typed: WallClock, zone: string) {
  const date = typed.date.trim()
  const time = typed.time.trim()
  // No time typed is "no time announced", even with the date box filled in.
  if (!time) return { kind: 'empty' as const }
  if (!date) return { kind: 'error' as const, error: 'Add the date as well, or clear the time to leave it unannounced.', typing: true }
  const result = wallClockToInstant(date, time, zone)
  return result.ok ? { kind: 'instant' as const, instant: result.instant, note: result.note } : { kind: 'error' as const, error: result.error, typing: result.kind === 'typing' }
}

/** What the boxes show once `value` is stored: it, unless what is typed already means it. */
function resync(current: WallClock, value: string | undefined, zone: string): WallClock {
  const stored = typeof value === 'string' ? instantToWallClock(value, zone) : null
  const meant = interpret(current, zone)
  if (stored) return meant.kind === 'instant' && sameInstant(meant.instant, value) ? current : stored
  // Cleared elsewhere: the time goes, the date stays as a starting point.
  return meant.kind === 'instant' ? { date: current.date, time: '' } : current
}

/** The day the empty date box starts from: the meeting's date, or for an end, the start's day. */
function useDefaultDate(field: string, zone: string | null): string {
  const meetingDate = useFormValue(['date'])
  const startsAt = useFormValue(['startsAt'])
  if (field === 'endsAt' && typeof startsAt === 'string' && zone) {
    const start = instantToWallClock(startsAt, zone)
    if (start) return start.date
  }
  return typeof meetingDate === 'string' ? meetingDate : ''
}

export function MeetingTimeInput(props: StringInputProps) {
  const { value, onChange, readOnly, elementProps, path, schemaType, level, validation, presence } = props
  const fieldName = String(path[path.length - 1] ?? '')
  const zoneInfo = useMeetingTimeZone()
  const zone = zoneInfo.state === 'known' ? zoneInfo.zone : null
  const defaultDate = useDefaultDate(fieldName, zone)
  const [typed, setTyped] = useState<WallClock>(EMPTY)

  // Shows the stored instant in the zone whenever it (or the zone) changes from outside: another
  // editor, a restored revision, the zone being corrected. Typing that means the same instant is
  // left as typed. Adjusted while rendering, as React advises for state derived from props.
  const [seen, setSeen] = useState<{ value: string | undefined; zone: string | null }>({ value: undefined, zone: null })
  if (zone && (seen.value !== value || seen.zone !== zone)) {
    setSeen({ value, zone })
    setTyped(resync(typed, value, zone))
  }

  const shown: WallClock = typed.date || typed.time || value ? typed : { date: defaultDate, time: '' }
  const meaning = zone ? interpret(shown, zone) : null
  // "1", "10:" on the way to "10:00" are not mistakes yet: say so once the box is left.
  const [focused, setFocused] = useState(false)
  const error = meaning?.kind === 'error' && !(meaning.typing && focused) ? meaning.error : null
  // The Studio's own focus handlers (and the ref it moves focus to) belong to the time box only:
  // told of a focus in the date box, the Studio would move the caret back to its ref.
  const typing = { onFocus: () => setFocused(true), onBlur: () => setFocused(false) }
  const studioFocus = {
    onFocus: (event: FocusEvent<HTMLInputElement>) => {
      setFocused(true)
      elementProps.onFocus(event)
    },
    onBlur: (event: FocusEvent<HTMLInputElement>) => {
      setFocused(false)
      elementProps.onBlur(event)
    },
  }

  const update = (part: keyof WallClock) => (event: ChangeEvent<HTMLInputElement>) => {
    if (!zone) return
    const next = { ...shown, [part]: event.currentTarget.value.slice(0, MAX_TYPED) }
    setTyped(next)
    const result = interpret(next, zone)
    if (result.kind === 'empty' && value) onChange(unset())
    if (result.kind === 'instant' && !sameInstant(result.instant, value)) onChange(set(result.instant))
  }

  // A datetime field leaves its title, description and validation messages to its input (Sanity's
  // own datetime input renders this same FormField), so this one does too.
  const field = (children: ReactNode) => (
    <FormField title={schemaType.title} description={schemaType.description} level={level} inputId={elementProps.id} validation={validation} __unstable_presence={presence} path={path}>
      {children}
    </FormField>
  )

  if (zoneInfo.state !== 'known') {
    return field(
      <Card padding={3} radius={2} tone="caution" data-testid="meeting-time-no-zone">
        <Text size={1}>
          {zoneInfo.state === 'loading'
            ? 'Reading the trip’s time zone…'
            : 'Times are typed in the meeting’s own time zone. Choose the trip (its destination needs a time zone), or set this meeting’s Time zone above.'}
        </Text>
      </Card>,
    )
  }

  const reader = meaning?.kind === 'instant' ? meaning.instant : null
  // The zone's name and offset on the day typed (summer and winter differ), else today.
  const at = reader ?? new Date().toISOString()
  const zoneLabel = `${zoneInfo.zone} (${zoneAbbreviation(at, zoneInfo.zone)}, ${utcOffsetLabel(zoneInfo.zone, at)})`
  return field(
    <Stack space={3} data-testid={`meeting-time-${fieldName}`}>
      <Flex gap={2} wrap="wrap">
        <Stack space={2} style={{ minWidth: '11em' }}>
          <Text size={1} as="label" htmlFor={`${elementProps.id}-date`} muted>
            Date in {zoneInfo.zone}
          </Text>
          <TextInput
            id={`${elementProps.id}-date`}
            {...typing}
            onChange={update('date')}
            value={shown.date}
            placeholder="YYYY-MM-DD"
            inputMode="numeric"
            readOnly={readOnly}
            aria-label={`Date in ${zoneInfo.zone}`}
          />
        </Stack>
        <Stack space={2} style={{ minWidth: '9em' }}>
          <Text size={1} as="label" htmlFor={elementProps.id} muted>
            Time in {zoneInfo.zone}
          </Text>
          <TextInput
            {...elementProps}
            {...studioFocus}
            onChange={update('time')}
            value={shown.time}
            placeholder="HH:MM"
            readOnly={readOnly}
            aria-label={`Time in ${zoneInfo.zone}`}
            customValidity={error ?? undefined}
          />
        </Stack>
      </Flex>
      <Text size={1} muted data-testid="meeting-time-zone">
        Local time in {zoneLabel}, {zoneInfo.from === 'meeting' ? 'the meeting’s own time zone' : 'the trip destination’s time zone (set Time zone for a meeting elsewhere)'}.
      </Text>
      {error && (
        <Card padding={3} radius={2} tone="critical" data-testid="meeting-time-error" role="alert">
          <Text size={1}>{error} Nothing was saved.</Text>
        </Card>
      )}
      {meaning?.kind === 'instant' && meaning.note && (
        <Card padding={3} radius={2} tone="caution" data-testid="meeting-time-note">
          <Text size={1}>{meaning.note}</Text>
        </Card>
      )}
      {reader && (
        <Card padding={3} radius={2} tone="transparent" border data-testid="meeting-time-readers">
          <Text size={1}>
            Readers see {formatLocalTime(reader, zoneInfo.zone)}
            {zoneInfo.zone !== WASHINGTON_TIME_ZONE && <> · in Washington {formatWashingtonTime(reader, null, zoneInfo.zone)}</>}
          </Text>
        </Card>
      )}
    </Stack>,
  )
}
