import type { SchemaTypeDefinition } from 'sanity'
import { blockContent } from './blockContent'
import { country } from './country'
import { factBullet, factSection, figure, figurePeriod } from './factBullet'
import { meeting } from './meeting'
import { official } from './official'
import { quote } from './quote'
import { pressContact, requiredLinks, settings } from './settings'
import { relatedLink, source } from './source'
import { topic } from './topic'
import { changeNote, destination, trip } from './trip'

export const schemaTypes: SchemaTypeDefinition[] = [
  // Documents
  trip,
  meeting,
  official,
  factBullet,
  quote,
  country,
  topic,
  settings,
  // Objects
  blockContent,
  destination,
  changeNote,
  factSection,
  figure,
  figurePeriod,
  source,
  relatedLink,
  requiredLinks,
  pressContact,
]

/** Document types that exist exactly once, under a fixed _id. */
export const singletonTypes = new Set(['settings'])
export const SETTINGS_ID = 'settings'
