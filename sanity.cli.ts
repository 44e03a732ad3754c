import { defineCliConfig } from 'sanity/cli'
import { studioDataset, studioProjectId } from './sanity/env'

export default defineCliConfig({
  api: { projectId: studioProjectId, dataset: studioDataset },
  // Offline: never fetch Sanity modules from the CDN.
  deployment: { autoUpdates: false },
  schemaExtraction: {
    path: './schema.json',
    // Required fields become non-optional in sanity.types.ts (the seed test checks the seed obeys them).
    enforceRequiredFields: true,
  },
  typegen: {
    path: './sanity/queries.ts',
    schema: './schema.json',
    generates: './sanity.types.ts',
    overloadClientMethods: true,
  },
})
