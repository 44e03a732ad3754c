/**
 * "Share preview": a document action that makes a preview link for someone without a Studio
 * account, lists the document's links with their openings, and revokes them.
 *
 * A link is a lake document (`system.envoyShareLink`, id `envoy-share.<uuid>`; rules and fields in
 * editorial/share-rules.ts) written with the signed-in staff member's own session. The token is
 * made here, shown once, and only its SHA-256 is stored. The portal's /share/<token> checks it
 * with the lake, which records every opening on the link document.
 *
 * Where the editorial plugin is absent (hosted Sanity), nothing would check those links, so the
 * action offers Presentation's own sharing instead and says what it is (one dataset-wide secret).
 */
import { LinkIcon } from '@sanity/icons'
import { Box, Button, Card, Flex, Label, Stack, Text, TextInput } from '@sanity/ui'
import { useEffect, useMemo, useState } from 'react'
import type { DocumentActionComponent, DocumentActionProps } from 'sanity'
import { useClient, useCurrentUser } from 'sanity'
import { SHARE_LINK_DEFAULT_HOURS, SHARE_LINK_ID_PREFIX, SHARE_LINK_TYPE, hashShareToken, newShareToken, shareLinkHours, shareLinkState } from '../../editorial/share-rules'
import type { ShareLink } from '../../editorial/share-rules'
import { IntentLink } from 'sanity/router'
import { useWorkflow } from '../workflow/useWorkflow'
import { previewOrigin } from './env'

const API_VERSION = '2025-02-19'
const LINKS_QUERY = `*[_type == $type && documentId == $id] | order(_createdAt desc) { _id, _type, _createdAt, documentId, documentType, tokenHash, expiresAt, createdBy, publishedRev, revokedAt, openings }`

type Listed = ShareLink & { _createdAt: string }

const when = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })

function ShareDialog({ props }: { props: DocumentActionProps }) {
  const studioClient = useClient({ apiVersion: API_VERSION })
  const client = useMemo(() => studioClient.withConfig({ perspective: 'raw' }), [studioClient])
  const user = useCurrentUser()
  const [hours, setHours] = useState(String(SHARE_LINK_DEFAULT_HOURS))
  const [created, setCreated] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [links, setLinks] = useState<Listed[]>([])
  const [busy, setBusy] = useState(false)
  /** Bumped after our own writes, so the list never waits on the listener. */
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let active = true
    const params = { type: SHARE_LINK_TYPE, id: props.id }
    const load = () =>
      client.fetch<Listed[]>(LINKS_QUERY, params).then((found) => {
        if (active) setLinks(found)
      })
    void load()
    // Openings arrive while the dialog is open: follow the link documents.
    const subscription = client.listen(`*[_type == $type && documentId == $id]`, params, { visibility: 'query' }).subscribe(() => void load())
    return () => {
      active = false
      subscription.unsubscribe()
    }
  }, [client, props.id, version])

  const create = async () => {
    setError(null)
    let life: number
    try {
      life = shareLinkHours(hours)
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem))
      return
    }
    setBusy(true)
    try {
      const token = newShareToken()
      await client.create({
        _id: `${SHARE_LINK_ID_PREFIX}${crypto.randomUUID()}`,
        _type: SHARE_LINK_TYPE,
        documentId: props.id,
        documentType: props.type,
        tokenHash: await hashShareToken(token),
        expiresAt: new Date(Date.now() + life * 3600_000).toISOString(),
        createdBy: user?.id ?? 'unknown',
        publishedRev: props.published?._rev ?? null,
        revokedAt: null,
        openings: [],
      })
      setCreated(`${previewOrigin}/share/${token}`)
      setVersion((n) => n + 1)
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem))
    } finally {
      setBusy(false)
    }
  }

  const revoke = async (id: string) => {
    await client.patch(id).set({ revokedAt: new Date().toISOString() }).commit()
    setVersion((n) => n + 1)
  }

  const current = { draftExists: Boolean(props.draft), publishedRev: props.published?._rev ?? null }
  return (
    <Stack space={4} padding={1}>
      <Text size={1} muted>
        The link shows this document’s unpublished changes, and no other draft, to anyone who has it, without a Studio account. It stops when it expires, when you revoke it, or once the changes are
        published.
      </Text>
      <Flex gap={2} align="flex-end">
        <Stack space={2} flex={1}>
          <Label as="label" htmlFor="share-hours">
            Expires after (hours)
          </Label>
          <TextInput id="share-hours" inputMode="numeric" value={hours} onChange={(event) => setHours(event.currentTarget.value)} />
        </Stack>
        <Button text="Create preview link" tone="primary" icon={LinkIcon} disabled={busy || !props.draft} onClick={() => void create()} />
      </Flex>
      {!props.draft && <Text size={1}>There are no unpublished changes to share.</Text>}
      {error && (
        <Card tone="critical" padding={3} radius={2}>
          <Text size={1}>{error}</Text>
        </Card>
      )}
      {created && (
        <Card tone="positive" padding={3} radius={2}>
          <Stack space={3}>
            <Text size={1} weight="semibold">
              Copy the link now: it is shown only once.
            </Text>
            <TextInput readOnly value={created} data-testid="share-link-url" onFocus={(event) => event.currentTarget.select()} />
          </Stack>
        </Card>
      )}
      <Stack space={3}>
        <Text size={1} weight="semibold">
          Links for this document
        </Text>
        {links.length === 0 && <Text size={1}>None yet.</Text>}
        {links.map((link) => {
          const state = shareLinkState(link, current, new Date())
          const openings = link.openings ?? []
          return (
            <Card key={link._id} border padding={3} radius={2} data-testid="share-link-row">
              <Flex gap={3} align="center">
                <Box flex={1}>
                  <Stack space={2}>
                    <Text size={1}>
                      Created {when(link._createdAt)} · {state === 'active' ? `expires ${when(link.expiresAt)}` : state}
                    </Text>
                    <Text size={1} muted>
                      {openings.length === 0
                        ? 'Not opened yet'
                        : `Opened ${openings.length} time${openings.length === 1 ? '' : 's'}: ${openings
                            .slice(-5)
                            .reverse()
                            .map((opening) => when(opening.at))
                            .join(', ')}${openings.length > 5 ? ', …' : ''}`}
                    </Text>
                  </Stack>
                </Box>
                {state === 'active' && <Button text="Revoke" tone="critical" mode="ghost" onClick={() => void revoke(link._id)} />}
              </Flex>
            </Card>
          )
        })}
      </Stack>
    </Stack>
  )
}

export const PRESENTATION_SHARING =
  'Envoy’s per-document preview links need Envoy’s editorial service, which this deployment does not have (hosted Sanity without the lake plugin), so no link made here would open. Use Presentation’s own sharing instead: open the document in Presentation, click “Share this preview” above the preview, turn on sharing and copy the link. That link is one secret for the whole dataset, not for this document: it shows any draft, and turning sharing off stops every shared link at once.'

/** Where Envoy's share links cannot work (no editorial plugin): Presentation's own sharing, said plainly. */
function PresentationSharing({ props }: { props: DocumentActionProps }) {
  return (
    <Stack space={4} padding={1} data-testid="presentation-sharing">
      <Card tone="caution" padding={3} radius={2}>
        <Text size={1}>{PRESENTATION_SHARING}</Text>
      </Card>
      <Button as={IntentLink} intent="edit" params={{ id: props.id, type: props.type, mode: 'presentation' }} text="Open in Presentation" tone="primary" icon={LinkIcon} />
    </Stack>
  )
}

export const ShareLinkAction: DocumentActionComponent = (props) => {
  const [open, setOpen] = useState(false)
  // The links are checked by the editorial plugin's routes; its review endpoint answering 404
  // means the plugin is absent, and so are those routes.
  const { service } = useWorkflow(props.id, props.draft?._rev)
  const hosted = service.kind === 'absent'
  return {
    label: 'Share preview link',
    icon: LinkIcon,
    onHandle: () => setOpen(true),
    dialog: open && {
      type: 'dialog',
      header: hosted ? 'Share a preview with Presentation' : 'Share a preview',
      onClose: () => setOpen(false),
      content: hosted ? <PresentationSharing props={props} /> : <ShareDialog props={props} />,
    },
  }
}
