/**
 * Writes the synthetic demonstration content of the daily public schedule
 * (scripts/lib/synthetic-schedule.ts) into the local lake, through @sanity/client, as published
 * documents. Run with the lake up: `npm run seed:synthetic` (or `-- --remove` to delete it again).
 *
 * Only the local lake: the content is made up, and must never reach a hosted dataset. The script
 * mints a short-lived editor token in LAKE_DIR for its one transaction and revokes it after.
 * With review required (LAKE_REVIEW_REQUIRED, the default for `npm run dev`) the lake refuses
 * direct publishing, and the script says so; the e2e stack and the tests run without review.
 */
import { createClient } from '@sanity/client'
import { createToken } from '../lake/index'
import { TokenStore } from '../lake/auth'
import { openDatabase } from '../lake/db'
import { readContentSource } from '../lib/env'
import { readLakeEnv } from '../lake/env'
import { syntheticScheduleDocuments, SYNTHETIC_DATES, SYNTHETIC_PREFIX, SYNTHETIC_REFERENCES } from './lib/synthetic-schedule'

async function main(): Promise<void> {
  const remove = process.argv.includes('--remove')
  const source = readContentSource()
  if (source.kind !== 'lake') throw new Error('Synthetic content is only ever written to the local lake: unset SANITY_PROJECT_ID.')
  const { LAKE_DIR } = readLakeEnv()
  const label = `synthetic-schedule-${Date.now()}`
  const { token } = createToken({ dir: LAKE_DIR, role: 'editor', label })
  try {
    const client = createClient({
      projectId: 'local',
      dataset: source.dataset,
      apiHost: source.apiHost,
      useProjectHostname: false,
      apiVersion: source.apiVersion,
      useCdn: false,
      token,
    })
    const docs = syntheticScheduleDocuments()
    if (!docs.every((doc) => doc._id.startsWith(SYNTHETIC_PREFIX))) throw new Error('Every synthetic document id must start with "synthetic-".')
    if (remove) {
      const tx = client.transaction()
      for (const doc of docs) tx.delete(doc._id)
      await tx.commit({ visibility: 'sync' })
      console.log(`Removed ${docs.length} synthetic documents from the "${source.dataset}" dataset.`)
      return
    }
    // The synthetic meetings name the seed's officials and country: they must be there already.
    const present = await client.fetch<string[]>('*[_id in $ids]._id', { ids: [...SYNTHETIC_REFERENCES] })
    const missing = SYNTHETIC_REFERENCES.filter((id) => !present.includes(id))
    if (missing.length > 0) throw new Error(`The dataset lacks ${missing.join(', ')}: load the seed first (sanity/seed/seed.ndjson).`)
    const tx = client.transaction()
    for (const doc of docs) tx.createOrReplace(doc)
    try {
      await tx.commit({ visibility: 'sync' })
    } catch (error) {
      const body = JSON.stringify((error as { response?: { body?: unknown } }).response?.body ?? '')
      if (body.includes('reviewRequired')) {
        throw new Error(
          'The lake requires review before publishing, so it refused the synthetic documents. To load them, start it with LAKE_REVIEW_REQUIRED=false, or have an administrator switch review off for the dataset (PUT /data/workflow/<dataset>/settings).',
        )
      }
      throw error
    }
    console.log(`Wrote ${docs.length} synthetic documents to the "${source.dataset}" dataset.`)
    console.log(`See /schedule/${SYNTHETIC_DATES.busyDay} and /schedule/${SYNTHETIC_DATES.secondDay} on the portal.`)
  } finally {
    const db = openDatabase(LAKE_DIR)
    try {
      new TokenStore(db).revoke(label)
    } finally {
      db.close()
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
