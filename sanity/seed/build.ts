/**
 * The readable source of Envoy's seed dataset. `npx tsx sanity/seed/write.ts` turns it into
 * sanity/seed/seed.ndjson; a test checks that the committed file equals this output.
 *
 * Content: the U.S. Department of State fact sheet on Secretary of State Antony J. Blinken's and
 * Secretary of Defense Lloyd J. Austin III's travel to Tokyo, Japan, March 15–17, 2021.
 * Rules followed here:
 * - The page's words are kept word for word (curly quotes, hyphens and the one en dash as printed,
 *   including the page's own slips such as "one of strongest" and the missing final full stop).
 * - Nothing the page does not say is invented: no meeting dates or times, no press coverage, no
 *   in-person/virtual flag where the page does not say "virtual", no web addresses, no
 *   publication dates, no bios or portraits.
 * - Titles of meetings and the trip, figure captions and topic names are editorial labels written
 *   for navigation; they do not add facts.
 * - Tokyo's time zone and coordinates are not in the page: they come from the gazetteer the Studio
 *   picks destinations from (the `city-timezones` package), which is reference data, not invention.
 */

import { cityMapping } from 'city-timezones'

export interface SeedSpan {
  _type: 'span'
  _key: string
  text: string
  marks: string[]
}
export interface SeedBlock {
  _type: 'block'
  _key: string
  style: 'normal'
  markDefs: never[]
  children: SeedSpan[]
}
export interface SeedReference {
  _type: 'reference'
  _ref: string
  _key?: string
}
export interface SeedDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

// -------------------------------------------------------------------------------------------
// Helpers
// -------------------------------------------------------------------------------------------

/** One Portable Text paragraph per string. Keys are stable: the same input gives the same output. */
export function portableText(keyPrefix: string, ...paragraphs: string[]): SeedBlock[] {
  return paragraphs.map((text, index) => ({
    _type: 'block',
    _key: `${keyPrefix}${index + 1}`,
    style: 'normal',
    markDefs: [],
    children: [{ _type: 'span', _key: `${keyPrefix}${index + 1}s1`, text, marks: [] }],
  }))
}

/** A city's zone and coordinates as the gazetteer gives them; throws if it lacks the city. */
function gazetteerCity(city: string, countryCode: string): { timeZone: string; lat: number; lng: number } {
  const found = cityMapping.filter((row) => row.city === city && row.iso2 === countryCode)
  const [row] = found
  if (found.length !== 1 || !row || typeof row.timezone !== 'string') throw new Error(`The gazetteer has no single ${city}, ${countryCode}`)
  return { timeZone: row.timezone, lat: row.lat, lng: row.lng }
}

function ref(id: string): SeedReference {
  return { _type: 'reference', _ref: id }
}

/** References inside arrays need a `_key`; the referenced id (minus its type prefix) keeps it readable. */
function refs(...ids: string[]): Required<SeedReference>[] {
  return ids.map((id) => ({ _type: 'reference', _ref: id, _key: id.replace(/^[a-z]+-/, '') }))
}

function slug(current: string) {
  return { _type: 'slug', current }
}

// -------------------------------------------------------------------------------------------
// Ids
// -------------------------------------------------------------------------------------------

export const ids = {
  trip: 'trip-2021-03-tokyo-2plus2',
  settings: 'settings',
  quote: 'quote-biden-2021-02-04-alliances',
  country: {
    us: 'country-united-states',
    japan: 'country-japan',
    rok: 'country-republic-of-korea',
  },
  topic: {
    alliance: 'topic-alliance',
    people: 'topic-people-to-people-ties',
    economy: 'topic-economy',
    trilateral: 'topic-trilateral-cooperation',
    security: 'topic-security',
  },
  official: {
    blinken: 'official-antony-blinken',
    austin: 'official-lloyd-austin',
    motegi: 'official-toshimitsu-motegi',
    kishi: 'official-nobuo-kishi',
    biden: 'official-joseph-biden',
  },
  meeting: {
    twoPlusTwo: 'meeting-2021-03-tokyo-security-consultative-committee',
    motegi: 'meeting-2021-03-tokyo-blinken-motegi',
    business: 'meeting-2021-03-tokyo-business-leaders',
    women: 'meeting-2021-03-tokyo-women-entrepreneurs',
    journalists: 'meeting-2021-03-tokyo-journalists-roundtable',
  },
} as const

/** The page names its issuer at the foot ("U.S. Department of State") and gives no web address. */
const STATE_DEPARTMENT = { _type: 'source', title: 'U.S. Department of State' } as const

/*
 * The fact sheet carries no publication date and dates none of its facts, so no fact has a
 * "stated on" date. A figure's period is set only where the page gives it ("in 2019", "since
 * 1952"); "each year" names no year, so that figure has none.
 */

// -------------------------------------------------------------------------------------------
// Reference data
// -------------------------------------------------------------------------------------------

const countries: SeedDocument[] = [
  { _id: ids.country.us, _type: 'country', name: 'United States', code: 'US', slug: slug('united-states') },
  { _id: ids.country.japan, _type: 'country', name: 'Japan', code: 'JP', slug: slug('japan') },
  { _id: ids.country.rok, _type: 'country', name: 'Republic of Korea', code: 'KR', slug: slug('republic-of-korea') },
]

const topics: SeedDocument[] = [
  { _id: ids.topic.alliance, _type: 'topic', title: 'Alliance', slug: slug('alliance') },
  { _id: ids.topic.people, _type: 'topic', title: 'People-to-people ties', slug: slug('people-to-people-ties') },
  { _id: ids.topic.economy, _type: 'topic', title: 'Economy', slug: slug('economy') },
  { _id: ids.topic.trilateral, _type: 'topic', title: 'Trilateral cooperation', slug: slug('trilateral-cooperation') },
  { _id: ids.topic.security, _type: 'topic', title: 'Security', slug: slug('security') },
]

const officials: SeedDocument[] = [
  {
    _id: ids.official.blinken,
    _type: 'official',
    name: 'Antony J. Blinken',
    slug: slug('antony-j-blinken'),
    title: 'Secretary of State',
    organization: 'U.S. Department of State',
    country: ref(ids.country.us),
    // The U.S. order of precedence puts the Secretary of State before the Secretary of Defense;
    // the gap leaves room for the offices in between. The Japanese officials get no number: the
    // source gives no order for them beyond its listing.
    precedence: 10,
  },
  {
    _id: ids.official.austin,
    _type: 'official',
    name: 'Lloyd J. Austin III',
    slug: slug('lloyd-j-austin-iii'),
    title: 'Secretary of Defense',
    organization: 'U.S. Department of Defense',
    country: ref(ids.country.us),
    precedence: 20,
  },
  {
    _id: ids.official.motegi,
    _type: 'official',
    name: 'Toshimitsu Motegi',
    slug: slug('toshimitsu-motegi'),
    title: 'Minister for Foreign Affairs',
    organization: 'Government of Japan',
    country: ref(ids.country.japan),
  },
  {
    _id: ids.official.kishi,
    _type: 'official',
    name: 'Nobuo Kishi',
    slug: slug('nobuo-kishi'),
    title: 'Minister of Defense',
    organization: 'Government of Japan',
    country: ref(ids.country.japan),
  },
  {
    _id: ids.official.biden,
    _type: 'official',
    name: 'Joseph R. Biden, Jr.',
    slug: slug('joseph-r-biden-jr'),
    title: 'President',
    organization: 'The White House',
    country: ref(ids.country.us),
  },
]

const quotes: SeedDocument[] = [
  {
    _id: ids.quote,
    _type: 'quote',
    text: 'America’s alliances are our greatest asset, and leading with diplomacy means standing shoulder-to-shoulder with our allies and key partners once again.',
    speaker: ref(ids.official.biden),
    date: '2021-02-04',
  },
]

// -------------------------------------------------------------------------------------------
// Facts, section by section, in the page's order
// -------------------------------------------------------------------------------------------

/** A figure as data (lib/figures.ts); rendered back, it is the page's own wording. */
interface FigureInput {
  key: string
  qualifier?: string
  value: number
  scale?: string
  currency?: string
  unit?: string
  period?: { start?: string; end?: string }
  label: string
}

interface FactInput {
  id: string
  text: string
  figures?: FigureInput[]
}

interface SectionInput {
  key: string
  heading: string
  topic: string
  countries: string[]
  facts: FactInput[]
}

const US_JAPAN = [ids.country.us, ids.country.japan]

const sections: SectionInput[] = [
  {
    key: 'alliance',
    heading: 'A Strong Alliance Based on Shared Values',
    topic: ids.topic.alliance,
    countries: US_JAPAN,
    facts: [
      {
        id: 'fact-alliance-cornerstone',
        text: 'The U.S.-Japan Alliance has served as the cornerstone of peace, security, and prosperity in the Indo-Pacific and across the world for over six decades.',
      },
      {
        id: 'fact-alliance-shared-challenges',
        text: 'We are committed to working together on our shared challenges, including curbing the global COVID-19 pandemic, combatting climate change, strengthening democracy and human rights, promoting free and fair trade, and countering malign influences and PRC provocations in Asia and around the world.',
      },
      {
        id: 'fact-alliance-shared-values',
        text: 'The American and Japanese people share deeply rooted values of defending freedom, championing economic and social opportunity and inclusion, upholding human rights, respecting the rule of law, and treating every person with dignity.',
      },
      {
        id: 'fact-alliance-support-in-times-of-need',
        text: 'The peoples of Japan and the United States support each other in times of need. Japan was one of the first countries to offer assistance following the 9/11 attacks and Hurricane Katrina, and Americans are proud to have supported Japan in the aftermath of the Great East Japan Earthquake, ten years ago this month, through Operation Tomodachi.',
      },
    ],
  },
  {
    key: 'people',
    heading: 'The Steadfast Friendship of the American and Japanese People',
    topic: ids.topic.people,
    countries: US_JAPAN,
    facts: [
      {
        id: 'fact-people-grassroots-goodwill',
        text: 'The strength of the U.S.-Japan relationship is due in part to the substantial reservoir of goodwill created by the close ties between the American and Japanese people at the grassroots level, often supported by the U.S. and Japanese governments.',
      },
      {
        id: 'fact-people-jet-alumni',
        text: 'There are more than 30,000 American alumni of the Japanese government-sponsored Japan Exchange and Teaching (JET) program, including nearly 200 JET program alumni working at the Department of State.',
        figures: [
          { key: 'jet-alumni', qualifier: 'more than', value: 30000, unit: 'American alumni', label: 'of the Japan Exchange and Teaching (JET) program' },
          { key: 'jet-at-state', qualifier: 'nearly', value: 200, unit: 'JET program alumni', label: 'working at the Department of State' },
        ],
      },
      {
        id: 'fact-people-exchanges-and-students',
        text: 'The Fulbright program has sent nearly 7,500 young Japanese on Fulbright scholarships to the United States since 1952. More than 3,800 Japanese are alumni of the International Visitor Leadership Program, the State Department’s premier professional exchange initiative for emerging leaders. Japanese students comprise the 8th largest group of international students studying in the United States. There are 37 U.S.-based Japan-America Society chapters, and the United States and Japan also share more sister city relationships than any other two countries.',
        // "8th largest" is a rank, not a quantity: it stays in the text only.
        figures: [
          { key: 'fulbright', qualifier: 'nearly', value: 7500, unit: 'young Japanese', period: { start: '1952' }, label: 'sent to the United States on Fulbright scholarships since 1952' },
          { key: 'ivlp', qualifier: 'more than', value: 3800, unit: 'Japanese', label: 'alumni of the International Visitor Leadership Program' },
          { key: 'jas-chapters', value: 37, unit: 'U.S.-based Japan-America Society chapters', label: 'in the United States' },
        ],
      },
      {
        id: 'fact-people-nongovernmental-partnerships',
        text: 'Many other non-governmental organizations, such as the U.S.-Japan Council, Mansfield Foundation, and Sasakawa Peace Foundation, utilize public-private partnerships and U.S. government grants to support people-to-people exchanges.',
      },
    ],
  },
  {
    key: 'economy',
    heading: 'Economic Ties that Benefit the American and Japanese People',
    topic: ids.topic.economy,
    countries: US_JAPAN,
    facts: [
      {
        id: 'fact-economy-trade',
        text: 'With over $300 billion worth of goods and services exchanged each year, the United States and Japan are top trading partners, and the U.S.-Japan bilateral economic relationship is one of strongest in the world.',
        figures: [{ key: 'trade', qualifier: 'over', value: 300, scale: 'billion', currency: 'USD', label: 'worth of goods and services exchanged each year' }],
      },
      {
        id: 'fact-economy-jobs',
        text: 'Japan-affiliated firms employ or support more than 948,100 jobs in the United States.',
        figures: [{ key: 'jobs', qualifier: 'more than', value: 948100, unit: 'jobs', label: 'in the United States employed or supported by Japan-affiliated firms' }],
      },
      {
        id: 'fact-economy-direct-investment',
        text: 'The United States is Japan’s top source of direct investment, and Japan is the top investor in the United States, with $644.7 billion invested in 2019 across all 50 states. Both countries acknowledge the important role of women as drivers of economic progress in all sectors.',
        figures: [
          { key: 'investment', value: 644.7, scale: 'billion', currency: 'USD', period: { start: '2019', end: '2019' }, label: 'invested by Japan in the United States in 2019, across all 50 states' },
        ],
      },
      {
        id: 'fact-economy-global-infrastructure',
        text: 'The United States and Japan are working closely via whole-of-government initiatives, bilateral partnerships, cooperation with like-minded countries, and enhanced private-sector engagement to assist countries in the Indo-Pacific and across the globe to catalyze investment in infrastructure, energy, and the digital economy to promote connectivity and economic growth.',
      },
      {
        id: 'fact-economy-energy-partnership',
        text: 'The United States and Japan are supporting open and competitive energy markets. We are strengthening energy security in the Indo-Pacific region through the Japan-United States Strategic Energy Partnership (JUSEP) and will continue to identify additional joint commercial engagements in the Indo-Pacific region.',
      },
      {
        id: 'fact-economy-science-and-technology',
        text: 'Our economic cooperation has also led to close collaboration in science and technology and promoted shared values in research, including on COVID-19 response, the digital economy, national security-focused investment screening, quantum sciences, artificial intelligence, space exploration, biosciences, and a wide range of emerging technologies.',
      },
      {
        id: 'fact-economy-secure-5g',
        // The page ends this bullet without a full stop; kept as printed.
        text: 'The United States and Japan have committed to building secure 5G networks using only trusted vendors. Innovative U.S. and Japanese businesses are at the forefront of open, interoperable approaches like Open RAN (radio access network) technologies that promise to increase vendor diversity and market competition, and have the potential to reduce costs and improve security',
      },
    ],
  },
  {
    key: 'trilateral',
    heading: 'Strengthening U.S.-Japan-Republic of Korea Cooperation',
    topic: ids.topic.trilateral,
    countries: [ids.country.us, ids.country.japan, ids.country.rok],
    facts: [
      {
        id: 'fact-trilateral-relationships-between-allies',
        text: 'The Biden-Harris Administration is working to strengthen America’s relationships with our allies, and the relationships between those allies. No relationship is more important than that between Japan and the Republic of Korea (ROK). The United States continues to promote expanded U.S.-Japan-ROK cooperation to tackle COVID-19 and combat climate change, as well as reinvigorate trilateral cooperation on a broad range of global issues, including the denuclearization of North Korea.',
      },
      {
        id: 'fact-trilateral-robust-relationship',
        text: 'A robust and effective trilateral relationship between and among the United States, the ROK, and Japan is critical for our joint security and interests in defending freedom and democracy, upholding human rights, championing women’s empowerment, combating climate change, promoting regional and global peace, security, and the rule of law in the Indo-Pacific and across the globe.',
      },
    ],
  },
  {
    key: 'security',
    heading: 'Security Cooperation that Promotes Peace and Stability',
    topic: ids.topic.security,
    countries: US_JAPAN,
    facts: [
      {
        id: 'fact-security-defense-commitment',
        text: 'The United States’ commitment to the defense of Japan is absolute. The United States affirms the Senkaku Islands fall within the scope of Article V of the U.S.-Japan Treaty of Mutual Cooperation and Security, and we remain opposed to any unilateral attempts to change the status quo in the East China Sea or undermine Japan’s administration of these islands.',
      },
      {
        id: 'fact-security-host-nation-support',
        text: 'The United States invests significant military resources and capabilities to meet the Alliance’s current and future security challenges. Through the U.S.-Japan Host Nation Support framework, the Government of Japan shares the costs of stationing U.S. forces in Japan. On February 24, the Governments of the United States and Japan signed an amendment to the current Special Measures Agreement, a key component of Japan’s Host Nation Support framework, extending it through March 31, 2022. Negotiations for a new and expanded multi-year agreement are ongoing.',
        // "through March 31, 2022" is a date, not a quantity: it stays in the text only.
      },
      {
        id: 'fact-security-service-members',
        text: 'Japan hosts approximately 55,000 U.S. service members – the largest contingent of U.S. forces outside the United States – along with the thousands of Department of Defense civilians and family members who live and work alongside them.',
        figures: [
          { key: 'service-members', qualifier: 'approximately', value: 55000, unit: 'U.S. service members', label: 'hosted by Japan: the largest contingent of U.S. forces outside the United States' },
        ],
      },
      {
        id: 'fact-security-advanced-assets',
        text: 'Many of the United States’ most capable and advanced military assets are hosted in Japan, including the USS Ronald Reagan and the F-35 Joint Strike Fighter. This demonstrates the importance of the U.S.-Japan Alliance and the goal of maintaining peace and security in the Indo-Pacific through effective deterrence and work with regional partners.',
      },
    ],
  },
]

const factBullets: SeedDocument[] = sections.flatMap((section) =>
  section.facts.map((fact) => ({
    _id: fact.id,
    _type: 'factBullet',
    text: portableText('t', fact.text),
    ...(fact.figures
      ? { figures: fact.figures.map(({ key, period, ...figure }) => ({ _type: 'figure', _key: key, ...figure, ...(period ? { period: { _type: 'figurePeriod', ...period } } : {}) })) }
      : {}),
    source: STATE_DEPARTMENT,
    topics: refs(section.topic),
    countries: refs(...section.countries),
  })),
)

// -------------------------------------------------------------------------------------------
// The trip
// -------------------------------------------------------------------------------------------

function tokyoDestination() {
  const tokyo = gazetteerCity('Tokyo', 'JP')
  return {
    _type: 'destination',
    _key: 'tokyo',
    city: 'Tokyo',
    country: ref(ids.country.japan),
    timeZone: tokyo.timeZone,
    location: { _type: 'geopoint', lat: tokyo.lat, lng: tokyo.lng },
  }
}

const trip: SeedDocument = {
  _id: ids.trip,
  _type: 'trip',
  // Editorial title: the page has no headline of its own in the text we hold.
  title: 'Secretary Blinken and Secretary Austin travel to Tokyo, Japan',
  slug: slug('2021-03-tokyo-2plus2'),
  startDate: '2021-03-15',
  endDate: '2021-03-17',
  destinations: [tokyoDestination()],
  officials: refs(ids.official.blinken, ids.official.austin),
  purpose: portableText(
    'p',
    'Secretary of State Antony J. Blinken and Secretary of Defense Lloyd J. Austin III will travel to Tokyo, Japan, March 15-17 to reaffirm the United States’ commitment to strengthening our alliance and to highlight cooperation that promotes peace, security, and prosperity in the Indo-Pacific and around the world.',
  ),
  summary: portableText(
    's',
    'Secretary Blinken and Secretary of Defense Austin will attend the U.S.-Japan Security Consultative Committee (“2+2”) meeting hosted by Japan’s Minister for Foreign Affairs Toshimitsu Motegi and Minister of Defense Nobuo Kishi. Secretary Blinken will meet separately with Minister Motegi and other senior officials to discuss a range of bilateral and global issues.',
    'Secretary Blinken will meet virtually with business leaders to highlight the importance of U.S.-Japan economic ties and shared priorities, such as addressing climate change, securing supply chains, promoting and protecting emerging technologies, fostering digital trade, and recovering from COVID-19. He will have a virtual discussion with women entrepreneurs on the challenges that women face in building successful businesses. Secretary Blinken will also host a virtual roundtable with emerging Japanese journalists to discuss the future of the U.S.-Japan Alliance, the role of a free press in promoting good governance, supporting human rights, and defending democracy, and the widespread benefits of advancing gender equity and opportunities for women worldwide.',
  ),
  leadQuote: ref(ids.quote),
  factSections: sections.map((section) => ({
    _type: 'factSection',
    _key: section.key,
    heading: section.heading,
    topic: ref(section.topic),
    bullets: section.facts.map((fact) => ({ _type: 'reference', _ref: fact.id, _key: fact.id.replace(/^fact-/, '') })),
  })),
  // No related links: the one link at the foot of the page ("The Lessons of 1989: Freedom and Our
  // Future") is a promotion state.gov runs on every page, not part of this trip, and the page gives
  // it no address.
  source: STATE_DEPARTMENT,
  // firstPublishedAt / updatedAt: not stated on the page, so left unset.
}

// -------------------------------------------------------------------------------------------
// Meetings: the page gives no dates, times, venues or press arrangements for any of them.
// -------------------------------------------------------------------------------------------

const meetings: SeedDocument[] = [
  {
    _id: ids.meeting.twoPlusTwo,
    _type: 'meeting',
    trip: ref(ids.trip),
    title: 'U.S.-Japan Security Consultative Committee (“2+2”)',
    kind: 'twoPlusTwo',
    order: 1,
    description: portableText(
      'd',
      'Secretary Blinken and Secretary of Defense Austin will attend the U.S.-Japan Security Consultative Committee (“2+2”) meeting hosted by Japan’s Minister for Foreign Affairs Toshimitsu Motegi and Minister of Defense Nobuo Kishi.',
    ),
    hosts: refs(ids.official.motegi, ids.official.kishi),
    participants: refs(ids.official.blinken, ids.official.austin),
  },
  {
    _id: ids.meeting.motegi,
    _type: 'meeting',
    trip: ref(ids.trip),
    title: 'Meeting with Minister Motegi and other senior officials',
    kind: 'bilateral',
    order: 2,
    description: portableText('d', 'Secretary Blinken will meet separately with Minister Motegi and other senior officials to discuss a range of bilateral and global issues.'),
    agenda: ['a range of bilateral and global issues'],
    participants: refs(ids.official.blinken, ids.official.motegi),
    otherParticipants: ['other senior officials'],
  },
  {
    _id: ids.meeting.business,
    _type: 'meeting',
    trip: ref(ids.trip),
    title: 'Virtual meeting with business leaders',
    kind: 'virtualMeeting',
    format: 'virtual',
    order: 3,
    description: portableText(
      'd',
      'Secretary Blinken will meet virtually with business leaders to highlight the importance of U.S.-Japan economic ties and shared priorities, such as addressing climate change, securing supply chains, promoting and protecting emerging technologies, fostering digital trade, and recovering from COVID-19.',
    ),
    // The five shared priorities, in the page's words.
    agenda: ['addressing climate change', 'securing supply chains', 'promoting and protecting emerging technologies', 'fostering digital trade', 'recovering from COVID-19'],
    participants: refs(ids.official.blinken),
    otherParticipants: ['business leaders'],
  },
  {
    _id: ids.meeting.women,
    _type: 'meeting',
    trip: ref(ids.trip),
    title: 'Virtual discussion with women entrepreneurs',
    kind: 'virtualDiscussion',
    format: 'virtual',
    order: 4,
    description: portableText('d', 'He will have a virtual discussion with women entrepreneurs on the challenges that women face in building successful businesses.'),
    agenda: ['the challenges that women face in building successful businesses'],
    participants: refs(ids.official.blinken),
    otherParticipants: ['women entrepreneurs'],
  },
  {
    _id: ids.meeting.journalists,
    _type: 'meeting',
    trip: ref(ids.trip),
    title: 'Virtual roundtable with emerging Japanese journalists',
    kind: 'roundtable',
    format: 'virtual',
    order: 5,
    description: portableText(
      'd',
      'Secretary Blinken will also host a virtual roundtable with emerging Japanese journalists to discuss the future of the U.S.-Japan Alliance, the role of a free press in promoting good governance, supporting human rights, and defending democracy, and the widespread benefits of advancing gender equity and opportunities for women worldwide.',
    ),
    agenda: [
      'the future of the U.S.-Japan Alliance',
      'the role of a free press in promoting good governance, supporting human rights, and defending democracy',
      'the widespread benefits of advancing gender equity and opportunities for women worldwide',
    ],
    hosts: refs(ids.official.blinken),
    otherParticipants: ['emerging Japanese journalists'],
  },
]

// -------------------------------------------------------------------------------------------
// Settings
// -------------------------------------------------------------------------------------------

const settings: SeedDocument = {
  _id: ids.settings,
  _type: 'settings',
  title: 'Envoy',
  description: 'Briefings for official government travel: trips, their meetings, the officials who take part, and fact sheets of sourced, dated facts.',
  // The agency the page names at its foot. The page shows no parent agency, no logo, no press
  // contact and none of the agency's required links (FOIA, No FEAR Act, OIG, performance, privacy),
  // so those are left empty rather than guessed; about and accessibility are this site's own pages.
  publisher: 'U.S. Department of State',
  requiredLinks: { _type: 'requiredLinks', about: '/about', accessibility: '/accessibility' },
}

/** Every seed document, in a stable order (referenced documents before the documents that use them). */
export function buildSeed(): SeedDocument[] {
  return [...countries, ...topics, ...officials, ...quotes, ...factBullets, trip, ...meetings, settings]
}

/** The NDJSON text of the seed: one document per line, with a final newline. */
export function buildSeedNdjson(): string {
  return `${buildSeed()
    .map((doc) => JSON.stringify(doc))
    .join('\n')}\n`
}
