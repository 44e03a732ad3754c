/**
 * Runs Sanity's own @sanity/export or @sanity/import against a lake, as `sanity dataset export`
 * and `sanity dataset import` do. A separate process because the lake's asset URLs are on its
 * HTTPS origin with a self-signed certificate, which Node trusts only through
 * NODE_EXTRA_CA_CERTS, read at start-up (exchange.test.ts sets it to the lake's certificate).
 *
 *   node --import tsx test/lake/sanity-tools.ts export API_HOST TOKEN DATASET OUT.tar.gz
 *   node --import tsx test/lake/sanity-tools.ts import API_HOST TOKEN DATASET IN.tar.gz
 */
import { createReadStream } from 'node:fs'
import { createClient } from '@sanity/client'
import { exportDataset } from '@sanity/export'
import { sanityImport } from '@sanity/import'

const [command, apiHost, token, dataset, file] = process.argv.slice(2)
if (!command || !apiHost || !token || !dataset || !file) throw new Error('usage: export|import API_HOST TOKEN DATASET FILE')
const client = createClient({ projectId: 'local', dataset, apiHost, useProjectHostname: false, apiVersion: '2025-02-19', useCdn: false, token })

async function main(): Promise<void> {
  if (command === 'export') {
    const result = await exportDataset({ client, dataset: dataset as string, outputPath: file as string, assets: true, raw: false, drafts: true, maxRetries: 1, maxAssetRetries: 1 })
    console.log(JSON.stringify({ documents: result.documentCount, assets: result.assetCount }))
  } else if (command === 'import') {
    const result = await sanityImport(createReadStream(file as string), { client, operation: 'create', onProgress: () => undefined })
    console.log(JSON.stringify({ documents: result.numDocs, warnings: result.warnings }))
  } else {
    throw new Error(`unknown command ${command}`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
