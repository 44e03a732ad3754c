/**
 * Reader-facing names for the schema's enumerated values. Typed as complete records over the
 * query result's unions, so a new kind added to the schema fails the type check until named here.
 */
import type { MeetingFormat, MeetingKind, PressCoverage } from '@/lib/sanity/types'

export const meetingKindLabels: Readonly<Record<MeetingKind, string>> = {
  twoPlusTwo: '“2+2” ministerial',
  bilateral: 'Bilateral meeting',
  roundtable: 'Roundtable',
  virtualDiscussion: 'Virtual discussion',
  virtualMeeting: 'Virtual meeting',
  pressAvailability: 'Press availability',
  other: 'Meeting',
}

export const meetingFormatLabels: Readonly<Record<MeetingFormat, string>> = {
  inPerson: 'In person',
  virtual: 'Virtual',
}

export const pressCoverageLabels: Readonly<Record<PressCoverage, string>> = {
  open: 'Open press',
  pooled: 'Pooled press',
  closed: 'Closed press',
  cameraSpray: 'Camera spray at the top',
  pooledCameraSpray: 'Pooled camera spray at the top',
  toBeDetermined: 'Press coverage to be determined',
}

/** The press-coverage line of the daily public schedule, in the capitals the Department prints it in. */
export const pressCoverageScheduleLines: Readonly<Record<PressCoverage, string>> = {
  open: 'OPEN PRESS COVERAGE',
  pooled: 'POOLED PRESS COVERAGE',
  closed: 'CLOSED PRESS COVERAGE',
  cameraSpray: 'CAMERA SPRAY AT THE TOP',
  pooledCameraSpray: 'POOLED CAMERA SPRAY AT THE TOP',
  toBeDetermined: 'PRESS COVERAGE TO BE DETERMINED',
}
