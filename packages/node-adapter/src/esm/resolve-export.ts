import type { DependencySlot, EsmRecord } from './esm-graph.js'

/** Where an export leads: the module (or foreign namespace) and the binding's name there; `*` for a namespace. */
export interface Binding {
  module: object
  name: string
  /** Reads the binding (live). */
  get: () => unknown
}
export type Resolution = Binding | null | 'ambiguous'

/**
 * ResolveExport of the spec, over linked records: follows re-exports by name and `export *` to the binding an
 * export name stands for; `null` when none does (or the names go round in a circle), `'ambiguous'` when two
 * `export *` lead to different bindings. A dependency that is not an ES module of the space (CommonJS, a host or
 * builtin module, an override) is taken at its word: its namespace has the name or not.
 */
export function resolveExport(record: EsmRecord, name: string, resolveSet = new Map<EsmRecord, Set<string>>()): Resolution {
  const seen = resolveSet.get(record) ?? new Set<string>()
  if (seen.has(name)) return null
  seen.add(name)
  resolveSet.set(record, seen)
  const { compiled, deps } = record
  const indirect = compiled.indirect[name]
  if (indirect) {
    const [index, imported] = indirect
    const slot = deps[index]!
    if (imported === null) return { module: slot.ns, name: '*', get: () => slot.ns }
    return slot.record ? resolveExport(slot.record, imported, resolveSet) : foreign(slot, imported)
  }
  if (compiled.exportNames.includes(name)) return { module: record, name, get: reader(record.ns, name) }
  if (name === 'default') return null
  let found: Binding | null = null
  for (const index of compiled.stars) {
    const slot = deps[index]!
    const resolution = slot.record ? resolveExport(slot.record, name, resolveSet) : foreign(slot, name)
    if (resolution === 'ambiguous') return resolution
    if (resolution === null) continue
    if (found === null) found = resolution
    else if (found.module !== resolution.module || found.name !== resolution.name) return 'ambiguous'
  }
  return found
}

/**
 * Linking's check of every import of the records just linked (and of their re-exports by name): a name no export
 * provides, or one two `export *` provide differently, is a SyntaxError before any module runs, as in Node.
 */
export function checkImports(records: EsmRecord[]): void {
  for (const record of records) {
    const { imports } = record.compiled
    for (let i = 0; i < imports.length; i++) {
      const slot = record.deps[i]!
      if (!slot.record) continue
      for (const name of imports[i]!.names) {
        const resolution = resolveExport(slot.record, name)
        if (resolution !== null && resolution !== 'ambiguous') continue
        const what = resolution === null ? `does not provide an export named '${name}'` : `contains conflicting star exports for name '${name}'`
        throw new SyntaxError(`The requested module '${slot.specifier}' ${what} (imported by ${record.id} in space "${record.space.name}")`)
      }
    }
  }
}

/** A dependency that is not an ES module record: a CommonJS facade's or a host module's names may not be known yet. */
function foreign(slot: DependencySlot, name: string): Binding | null {
  if (slot.host !== undefined || name in slot.ns) return { module: slot.ns, name, get: reader(slot.ns, name) }
  return null
}

/** The namespace's own getter when it has one already (one call less on every read), else a read through it. */
function reader(ns: object, name: string): () => unknown {
  return Object.getOwnPropertyDescriptor(ns, name)?.get ?? (() => (ns as Record<string, unknown>)[name])
}
