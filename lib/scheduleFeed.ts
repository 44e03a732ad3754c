/**
 * The daily public schedule as an Atom feed (built with the `feed` library, like lib/feed.ts):
 * one entry per day, as the Department publishes one schedule a day. An entry's id is the date,
 * so a day's entry is updated in place when an engagement of it changes.
 */
import { Feed } from 'feed'
import { coverageLine, dailySchedule, engagementTimeZone, engagementsByDate, type ScheduleEngagement } from './dailySchedule'
import { formatDayHeading, formatLocalTimeRange, formatWashingtonTime, WASHINGTON_TIME_ZONE } from './time'

export interface FeedEngagement extends ScheduleEngagement {
  date: string | null
  endsAt: string | null
  _updatedAt: string | null
  venue: string | null
  city: string | null
}

/** The feed shows this many days: the newest dates with engagements. */
export const SCHEDULE_FEED_DAYS = 30

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** "10:00 AM JST (8:00 PM EST, March 15, Washington) Meeting title, Venue (OPEN PRESS COVERAGE)". */
export function engagementLine(engagement: FeedEngagement): string {
  const zone = engagementTimeZone(engagement)
  const time = engagement.startsAt ? formatLocalTimeRange(engagement.startsAt, engagement.endsAt, zone) : ''
  const washington = engagement.startsAt && zone !== WASHINGTON_TIME_ZONE ? ` (${formatWashingtonTime(engagement.startsAt, engagement.endsAt, zone)} in Washington)` : ''
  const place = [engagement.venue, engagement.city].filter(Boolean).join(', ')
  const coverage = coverageLine(engagement.pressCoverage)
  return `${time}${washington} ${engagement.title ?? 'Engagement'}${place ? `, ${place}` : ''}${coverage ? ` (${coverage})` : ''}`.trim()
}

export function scheduleAtom({ site, publisher, engagements }: { site: string; publisher: string; engagements: readonly FeedEngagement[] }): string {
  const days = engagementsByDate(engagements).slice(0, SCHEDULE_FEED_DAYS)
  const updatedOf = (list: readonly FeedEngagement[]) => Math.max(0, ...list.map((e) => Date.parse(e._updatedAt ?? '')).filter(Number.isFinite))
  const feed = new Feed({
    id: `${site}/schedule/feed.xml`,
    title: 'Daily public schedule',
    description: 'The public engagements of each day, by official, with press coverage.',
    link: `${site}/schedule`,
    language: 'en',
    updated: new Date(Math.max(0, ...days.map((day) => updatedOf(day.engagements)))),
    generator: 'Envoy',
    feedLinks: { atom: `${site}/schedule/feed.xml` },
    author: { name: publisher, link: site },
    copyright: `Published by ${publisher}`,
  })
  for (const day of days) {
    const officials = dailySchedule(day.engagements, [])
    const sections = officials.map(({ official, engagements: list }) => ({
      heading: [official.title, official.name].filter(Boolean).join(' '),
      lines: list.map(engagementLine),
    }))
    feed.addItem({
      id: `urn:envoy:schedule:${day.date}`,
      title: `Daily public schedule: ${formatDayHeading(day.date)}`,
      link: `${site}/schedule/${day.date}`,
      date: new Date(updatedOf(day.engagements)),
      description: sections.map((s) => `${s.heading}: ${s.lines.join('; ')}`).join(' — '),
      content: sections.map((s) => `<h2>${escapeHtml(s.heading)}</h2><ul>${s.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`).join(''),
    })
  }
  return feed.atom1()
}
