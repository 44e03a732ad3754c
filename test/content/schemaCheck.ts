/**
 * A structural check of documents against schema.json (the `sanity schema extract` output, with
 * required fields enforced). It catches missing required fields, unknown fields, wrong value kinds,
 * values outside option lists and references to documents of the wrong type.
 * Custom validation rules (dates in order, time zones, "as of" with a figure) are tested separately.
 */
import type { Doc } from './helpers'

type Node =
  | { type: 'string'; value?: string }
  | { type: 'number'; value?: number }
  | { type: 'boolean'; value?: boolean }
  | { type: 'null' }
  | { type: 'unknown' }
  | { type: 'inline'; name: string }
  | { type: 'union'; of: Node[] }
  | { type: 'array'; of: Node }
  | { type: 'object'; attributes: Record<string, Attribute>; rest?: Node; dereferencesTo?: string }

interface Attribute {
  type: 'objectAttribute'
  value: Node
  optional?: boolean
}

interface SchemaEntry {
  name: string
  type: 'type' | 'document'
  value?: Node
  attributes?: Record<string, Attribute>
}

const SYSTEM_FIELDS = new Set(['_id', '_type', '_createdAt', '_updatedAt', '_rev'])

export function createSchemaChecker(schema: SchemaEntry[], docsById: Map<string, Doc>) {
  const entries = new Map(schema.map((entry) => [entry.name, entry]))

  function resolve(node: Node): Node {
    if (node.type !== 'inline') return node
    const entry = entries.get(node.name)
    if (!entry) throw new Error(`schema.json has no type named ${node.name}`)
    if (entry.type === 'document') return { type: 'object', attributes: entry.attributes ?? {} }
    if (!entry.value) throw new Error(`schema.json type ${node.name} has no value`)
    return resolve(entry.value)
  }

  /** All attributes of an object node, including `rest` (e.g. `_key` on array members). */
  function attributesOf(node: Extract<Node, { type: 'object' }>): Record<string, Attribute> {
    let attributes = { ...node.attributes }
    if (node.rest) {
      const rest = resolve(node.rest)
      if (rest.type === 'object') attributes = { ...attributes, ...attributesOf(rest) }
    }
    return attributes
  }

  function dereferencesToOf(node: Extract<Node, { type: 'object' }>): string | undefined {
    if (node.dereferencesTo) return node.dereferencesTo
    if (!node.rest) return undefined
    const rest = resolve(node.rest)
    return rest.type === 'object' ? dereferencesToOf(rest) : undefined
  }

  function check(value: unknown, nodeIn: Node, path: string, errors: string[]): void {
    const node = resolve(nodeIn)
    switch (node.type) {
      case 'unknown':
        return
      case 'null':
        if (value !== null) errors.push(`${path}: expected null`)
        return
      case 'string':
        if (typeof value !== 'string') errors.push(`${path}: expected a string, got ${JSON.stringify(value)}`)
        else if (node.value !== undefined && value !== node.value) errors.push(`${path}: expected "${node.value}", got "${value}"`)
        return
      case 'number':
        if (typeof value !== 'number') errors.push(`${path}: expected a number, got ${JSON.stringify(value)}`)
        return
      case 'boolean':
        if (typeof value !== 'boolean') errors.push(`${path}: expected a boolean`)
        return
      case 'union': {
        const attempts = node.of.map((option) => {
          const optionErrors: string[] = []
          check(value, option, path, optionErrors)
          return optionErrors
        })
        if (!attempts.some((attempt) => attempt.length === 0)) {
          // Report the closest match's problems.
          const best = attempts.reduce((a, b) => (b.length < a.length ? b : a))
          errors.push(...(best.length ? best : [`${path}: matches no allowed value`]))
        }
        return
      }
      case 'array':
        if (!Array.isArray(value)) {
          errors.push(`${path}: expected an array`)
          return
        }
        value.forEach((item, index) => check(item, node.of, `${path}[${index}]`, errors))
        return
      case 'object': {
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
          errors.push(`${path}: expected an object`)
          return
        }
        const record = value as Record<string, unknown>
        const attributes = attributesOf(node)
        for (const [name, attribute] of Object.entries(attributes)) {
          const present = record[name] !== undefined && record[name] !== null
          if (!present) {
            // System fields are set by the Content Lake on import, not by the seed.
            if (attribute.optional === false || (attribute.optional === undefined && !SYSTEM_FIELDS.has(name))) {
              errors.push(`${path}.${name}: required but missing`)
            }
            continue
          }
          check(record[name], attribute.value, `${path}.${name}`, errors)
        }
        for (const name of Object.keys(record)) {
          if (!(name in attributes)) errors.push(`${path}.${name}: not in the schema`)
        }
        const dereferencesTo = dereferencesToOf(node)
        if (dereferencesTo && typeof record._ref === 'string') {
          const target = docsById.get(record._ref)
          if (!target) errors.push(`${path}: reference to missing document ${record._ref}`)
          else if (target._type !== dereferencesTo) {
            errors.push(`${path}: reference to a ${target._type}, but only ${dereferencesTo} is allowed`)
          }
        }
        return
      }
      default:
        errors.push(`${path}: unsupported schema node ${(node as { type: string }).type}`)
    }
  }

  return function checkDocument(doc: Doc): string[] {
    const entry = entries.get(doc._type)
    if (!entry || entry.type !== 'document') return [`${doc._id}: no document type "${doc._type}" in the schema`]
    const errors: string[] = []
    check(doc, { type: 'object', attributes: entry.attributes ?? {} }, doc._id, errors)
    return errors
  }
}
