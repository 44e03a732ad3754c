/**
 * The query as evaluated for its source map: the same tree, with the reads in *final* positions
 * turned into reads of marks (see provenance.ts).
 *
 * A position is final when its value goes to the result without anything inspecting it again:
 * the query's root, an object attribute's value, an array element, a projection's body (not its
 * base, which becomes `@`), a `[]`/`[n]`/`[a..b]` over a final value, `coalesce()`'s arguments
 * (it only asks whether a value is null, which a mark answers as the value would) and
 * `select()`'s values (not its conditions). Everything else — filters, `order()`, operators, any
 * other function, the base of a projection or `->` — is left as written, so it computes over the
 * very values it would compute over without a source map, and nothing inside it is rewritten.
 *
 * In a final position:
 * - `base.name` becomes `base[<prefix>name]` when `base` is surely traced (see kindOf), else
 *   `base{coalesce(@[<prefix>name], @.name)}` (or the `coalesce` alone when `base` is `@`): a
 *   shadow of a document answers the virtual attribute with a mark, anything else (an object the
 *   query built, a parameter) has no such attribute and reads as before;
 * - `...value` reads `value[<prefix>*]`, a copy whose values are marks, the same way;
 * - a string, number or boolean literal becomes a mark of a literal.
 *
 * The rewrite runs before query planning (lake/query-plan.ts), which then narrows the filters it
 * left untouched.
 */
import type { ExprNode, ObjectAttributeNode } from 'groq-js'

export type RewriteNames = {
  /** The virtual attribute that reads attribute `name`'s mark. */
  virtualKey: (name: string) => string
  /** The virtual attribute that reads a marked copy of a whole object. */
  splatKey: string
  /** The mark standing for a literal of the query. */
  literal: (value: unknown) => unknown
}

/**
 * Whether a value is surely *traced*: a shadow of provenance.ts, a list of them, or no object at
 * all. Where the base of a final read is, the virtual attribute alone reads it (a missing or null
 * attribute, or a base that is no object, reads null either way); elsewhere (objects the query
 * builds, parameters, function results) the `coalesce` form falls back on the plain read.
 * `scopes` are the kinds of `@`, `^`, `^.^`…, innermost last.
 */
type Kind = 'traced' | 'unknown'

function kindOf(node: ExprNode, scopes: readonly Kind[]): Kind {
  switch (node.type) {
    case 'Everything':
    case 'Deref':
      return 'traced'
    case 'This':
      return scopes[scopes.length - 1] ?? 'traced'
    case 'Parent':
      return scopes[scopes.length - 1 - node.n] ?? 'traced'
    case 'AccessAttribute':
      return node.base ? kindOf(node.base, scopes) : (scopes[scopes.length - 1] ?? 'traced')
    case 'Filter':
    case 'Group':
    case 'Slice':
    case 'AccessElement':
    case 'ArrayCoerce':
      return kindOf(node.base, scopes)
    case 'PipeFuncCall':
      return node.name === 'order' ? kindOf(node.base, scopes) : 'unknown'
    case 'Projection':
    case 'Map':
    case 'FlatMap':
      return kindOf(node.expr, [...scopes, kindOf(node.base, scopes)])
    case 'Value':
      return typeof node.value === 'object' && node.value !== null ? 'unknown' : 'traced'
    case 'Select':
      return [...node.alternatives.map((alternative) => alternative.value), ...(node.fallback ? [node.fallback] : [])].every((value) => kindOf(value, scopes) === 'traced') ? 'traced' : 'unknown'
    case 'FuncCall':
      return node.namespace === 'global' && node.name === 'coalesce' && node.args.every((arg) => kindOf(arg, scopes) === 'traced') ? 'traced' : 'unknown'
    default:
      return 'unknown'
  }
}

export function rewriteForSourceMap(tree: ExprNode, names: RewriteNames): ExprNode {
  const final = (node: ExprNode, scopes: readonly Kind[]): ExprNode => {
    switch (node.type) {
      case 'AccessAttribute':
        return readFinal(node.base, node.name, names, kindOf(node.base ?? { type: 'This' }, scopes))
      case 'Object':
        return { ...node, attributes: node.attributes.map((attribute) => finalAttribute(attribute, scopes)) }
      case 'Array':
        return { ...node, elements: node.elements.map((element) => ({ ...element, value: final(element.value, scopes) })) }
      case 'Group':
      case 'Slice':
      case 'AccessElement':
      case 'ArrayCoerce':
        return { ...node, base: final(node.base, scopes) }
      case 'Projection':
      case 'Map':
      case 'FlatMap':
        return { ...node, expr: final(node.expr, [...scopes, kindOf(node.base, scopes)]) }
      case 'Select':
        return {
          ...node,
          alternatives: node.alternatives.map((alternative) => ({ ...alternative, value: final(alternative.value, scopes) })),
          fallback: node.fallback && final(node.fallback, scopes),
        }
      case 'FuncCall':
        if (node.namespace === 'global' && node.name === 'coalesce') return { ...node, args: node.args.map((arg) => final(arg, scopes)) }
        return node
      case 'Value':
        return { ...node, value: names.literal(node.value) }
      default:
        return node
    }
  }

  const finalAttribute = (attribute: ObjectAttributeNode, scopes: readonly Kind[]): ObjectAttributeNode => {
    switch (attribute.type) {
      case 'ObjectAttributeValue':
        return { ...attribute, value: final(attribute.value, scopes) }
      case 'ObjectSplat':
      case 'ObjectConditionalSplat':
        // `...{a, b}` is an object built here: its own attributes are final positions.
        return { ...attribute, value: attribute.value.type === 'Object' ? final(attribute.value, scopes) : readFinal(attribute.value, null, names, kindOf(attribute.value, scopes)) }
    }
  }

  return final(tree, [])
}

/** `base.name` (or the whole of `base` for a splat, `name` null) in a final position. */
function readFinal(base: ExprNode | undefined, name: string | null, names: RewriteNames, kind: Kind): ExprNode {
  const virtual = name === null ? names.splatKey : names.virtualKey(name)
  if (kind === 'traced') return { type: 'AccessAttribute', base, name: virtual }
  const marked: ExprNode = { type: 'AccessAttribute', name: virtual }
  const plain: ExprNode = name === null ? { type: 'This' } : { type: 'AccessAttribute', name }
  const read: ExprNode = { type: 'FuncCall', namespace: 'global', name: 'coalesce', args: [marked, plain] }
  if (!base || base.type === 'This') return read
  // A projection reads `base` once, as the attribute access would, and yields null unless it is an object.
  return { type: 'Projection', base, expr: read }
}
