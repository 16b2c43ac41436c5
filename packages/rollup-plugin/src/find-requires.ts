/** The few ESTree node shapes the walk reads; every other field is walked generically. */
interface Node {
  type: string
  [key: string]: unknown
}

/**
 * The string specifiers a CommonJS module passes to `require(...)`, in source order, each once: `require('x')` and
 * `` require(`x`) ``. A `require` of a computed name cannot be known before the module runs and is not listed (the
 * wrapper's `require` throws for it, naming it). The tree is the one `this.parse` gives (ESTree).
 */
export function findRequires(program: unknown): string[] {
  /** Specifier → where it is first required: the walk is depth-first, not in source order. */
  const found = new Map<string, number>()
  const pending: unknown[] = [program]
  while (pending.length > 0) {
    const value = pending.pop()
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push(value[i])
      continue
    }
    if (!isNode(value)) continue
    const specifier = requiredSpecifier(value)
    if (specifier !== undefined) found.set(specifier, Math.min(found.get(specifier) ?? Infinity, Number(value.start ?? 0)))
    for (const key of Object.keys(value)) {
      if (key !== 'type' && key !== 'start' && key !== 'end' && key !== 'range' && key !== 'loc') pending.push(value[key])
    }
  }
  return [...found].sort((a, b) => a[1] - b[1]).map(([specifier]) => specifier)
}

function requiredSpecifier(node: Node): string | undefined {
  if (node.type !== 'CallExpression') return undefined
  const callee = node.callee as Node
  const args = node.arguments as Node[]
  if (callee.type !== 'Identifier' || callee.name !== 'require' || args.length !== 1) return undefined
  const [arg] = args as [Node]
  if (arg.type === 'Literal' && typeof arg.value === 'string') return arg.value
  const quasis = arg.quasis as Node[] | undefined
  if (arg.type === 'TemplateLiteral' && quasis?.length === 1) return (quasis[0]!.value as { cooked?: string }).cooked
  return undefined
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}
