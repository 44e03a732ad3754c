/** Writes sanity/seed/seed.ndjson from sanity/seed/build.ts. Run: npx tsx sanity/seed/write.ts */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildSeed, buildSeedNdjson } from './build'

const target = join(process.cwd(), 'sanity', 'seed', 'seed.ndjson')
writeFileSync(target, buildSeedNdjson())
console.log(`Wrote ${buildSeed().length} documents to ${target}`)
