import { serializeJsonLd, type JsonLdObject } from '@/lib/jsonld'

/** A schema.org JSON-LD block; the @context is added here once. */
export function JsonLd({ data }: { data: JsonLdObject }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd({ '@context': 'https://schema.org', ...data }) }} />
}
