/**
 * Envoy's editorial rules on the local lake, as a lake plugin (lake/plugin.ts): review before
 * publish (of drafts and of release versions), the embargo lock and share links. Schedules and
 * embargo lifts are Content Releases, published by the lake's own release scheduler. The lake knows none of it; `npm run lake`,
 * `npm start` and `npm run dev` start the lake with this plugin (`--plugin`), and a lake started
 * without it is plain hosted Sanity, where the Studio's publish gate and the portal's own embargo
 * filter fail closed instead (README, "Hosted Sanity").
 *
 *   startLake({ plugins: [editorialPlugin({ reviewRequired: false })] })
 */
import type { LakePlugin } from '../../lake/plugin'
import { readEditorialEnv } from './env'
import { refuseEmbargoBreaks } from './import-embargo'
import { workflowRoutes } from './routes'
import { Workflow } from './service'
import { shareRoutes } from './share-routes'

export type EditorialPluginOptions = {
  /** Whether publishing needs an approved review (datasets without their own setting). Default: LAKE_REVIEW_REQUIRED. */
  reviewRequired?: boolean
  /** Document types review applies to; empty = every content type. Default: LAKE_REVIEW_TYPES. */
  reviewTypes?: string[]
}

export function editorialPlugin(options: EditorialPluginOptions = {}): LakePlugin {
  return {
    name: 'envoy-editorial',
    // The Studio's sign-in on the lake names Envoy ("Envoy account", "Sign in to Envoy Studio").
    studioName: 'Envoy',
    // An import writes published documents past the write guard, so the embargo rule is checked
    // on the import as a whole.
    checkImport: (tx, ids) => refuseEmbargoBreaks(tx, ids),
    setup(context) {
      const env = readEditorialEnv()
      const workflow = new Workflow(context, {
        reviewRequired: options.reviewRequired ?? env.LAKE_REVIEW_REQUIRED,
        reviewTypes: options.reviewTypes ?? env.LAKE_REVIEW_TYPES,
      })
      return {
        routes(app) {
          workflowRoutes(app, context, workflow)
          shareRoutes(app, context)
        },
        // Also run when the lake's release scheduler publishes a scheduled release at its time:
        // an embargo lift is a release, and the embargo and review rules hold for it too.
        writeGuard: (principal, dataset) => workflow.guard(principal, dataset),
      }
    },
  }
}

/** What `--plugin editorial/lake/plugin.ts` loads: the rules with their settings from the environment. */
export default editorialPlugin()
