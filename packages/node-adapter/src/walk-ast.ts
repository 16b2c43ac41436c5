/** An ESTree node as rollup's and acorn's parsers give it: with `start`/`end` offsets into the source. */
export interface AstNode {
  type: string
  start: number
  end: number
  [key: string]: any
}

export interface AstVisitor {
  /** Return `false` to skip the node's children. */
  enter(node: AstNode, parent: AstNode | null): boolean | void
  leave?(node: AstNode): void
}

/** Per node type, the keys that can hold child nodes (learnt from the nodes seen: a key holding null holds one elsewhere). */
const childKeys = new Map<string, string[]>()

function keysOf(node: AstNode): string[] {
  let keys = childKeys.get(node.type)
  if (!keys) {
    keys = Object.keys(node).filter((key) => key !== 'scope' && (node[key] === null || typeof node[key] === 'object'))
    childKeys.set(node.type, keys)
  }
  return keys
}

/** Depth-first walk over every child node, in source order. */
export function walkAst(node: AstNode, visitor: AstVisitor, parent: AstNode | null = null): void {
  if (visitor.enter(node, parent) === false) return
  for (const key of keysOf(node)) {
    const value = node[key]
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') walkAst(child, visitor, node)
    } else if (value && typeof value === 'object' && typeof value.type === 'string') {
      walkAst(value, visitor, node)
    }
  }
  visitor.leave?.(node)
}
