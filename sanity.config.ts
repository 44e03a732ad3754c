/**
 * Envoy's Sanity Studio. It runs offline against the local lake by default (see
 * /work/shared/notes/studio-on-local-lake.md): hosted-only features are switched off.
 */
import { visionTool } from '@sanity/vision'
import { defineConfig } from 'sanity'
import { presentationTool } from 'sanity/presentation'
import { structureTool } from 'sanity/structure'
import { studioApiHost, studioApiVersion, studioDataset, studioProjectId } from './sanity/env'
import { revealFocusedGroupInput } from './sanity/inputs/RevealFocusedGroup'
import { previewOrigin } from './sanity/presentation/env'
import { locations, mainDocuments } from './sanity/presentation/resolve'
import { ShareLinkAction } from './sanity/presentation/ShareLinkAction'
import { schemaTypes, singletonTypes } from './sanity/schemaTypes'
import { structure } from './sanity/structure'
import { reviewDeskTool, workflowActions, workflowBadges } from './sanity/workflow'

export default defineConfig({
  name: 'envoy',
  title: 'Envoy',
  projectId: studioProjectId,
  dataset: studioDataset,
  apiHost: studioApiHost,
  plugins: [
    structureTool({ structure }),
    // Previews the portal with drafts (app/api/draft-mode, lib/preview): click-to-edit and live refresh.
    presentationTool({
      previewUrl: { origin: previewOrigin, previewMode: { enable: '/api/draft-mode/enable', disable: '/api/draft-mode/disable' } },
      resolve: { locations, mainDocuments },
    }),
    visionTool({ defaultApiVersion: studioApiVersion, defaultDataset: studioDataset }),
  ],
  // What waits for review, and approve-and-publish in one step (sanity/workflow/ReviewDesk.tsx).
  tools: (tools) => [...tools, reviewDeskTool],
  schema: {
    types: schemaTypes,
    templates: (templates) => [
      // Singletons are opened from the desk, never created from "New document".
      ...templates.filter((template) => !singletonTypes.has(template.schemaType)),
      {
        id: 'meeting-for-trip',
        title: 'Meeting for this trip',
        schemaType: 'meeting',
        parameters: [{ name: 'tripId', type: 'string' }],
        value: (params: { tripId: string }) => ({ trip: { _type: 'reference', _ref: params.tripId } }),
      },
    ],
  },
  // Click-to-edit lands on the clicked field even in another field group (sanity/inputs/RevealFocusedGroup.tsx).
  form: { components: { input: revealFocusedGroupInput } },
  document: {
    // The settings singleton can be edited and published, not duplicated or deleted.
    // Review before publish, schedules and embargoes (sanity/workflow; the lake enforces the rules).
    actions: (actions, context) =>
      workflowActions(
        singletonTypes.has(context.schemaType)
          ? actions.filter((action) => action.action !== undefined && ['publish', 'discardChanges', 'restore'].includes(action.action))
          : // Preview links for reviewers without a Studio account (sanity/presentation/ShareLinkAction.tsx).
            [...actions, ShareLinkAction],
        context.schemaType,
      ),
    badges: (badges) => workflowBadges(badges),
    newDocumentOptions: (items, context) => (context.creationContext.type === 'global' ? items.filter((item) => !singletonTypes.has(item.templateId)) : items),
    comments: { enabled: false },
  },
  // Hosted-only features, off so the Studio works offline on the local lake. Content Releases and
  // Scheduled Drafts (a release of one document, from the document's "Schedule publish"; trips are
  // scheduled with their group by Envoy's own dialog, sanity/workflow/index.ts) stay on:
  // the lake keeps them as Sanity does (lake/releases.ts).
  tasks: { enabled: false },
  scheduledPublishing: { enabled: false },
  scheduledDrafts: { enabled: true },
  announcements: { enabled: false },
  apps: { canvas: { enabled: false } },
  mediaLibrary: { enabled: false },
})
