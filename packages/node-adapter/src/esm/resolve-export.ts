import type { DependencySlot, EsmRecord } from './esm-graph.js'
import { nodeLinkError } from './link-error.js'
import { exportedNameSet } from './star-names.js'

/** Where an export leads: the module (or foreign namespace) and the binding's name there; `*` for a namespace. */
export interface Binding {
  module: object
  name: string
  /** Reads the binding (live). */
  get: () => unknown
}
export type Resolution = Binding | null | 'ambiguous'
type ResolveSet = Map<EsmRecord, Set<string>>
/** What a name reached through `export *` leads to (a name that leads nowhere is not in a table). */
type StarTable = ReadonlyMap<string, Binding | 'ambiguous'>

/**
 * ResolveExport of the spec, over linked records: follows re-exports by name and `export *` to the binding an
 * export name stands for; `null` when none does (or the names go round in a circle), `'ambiguous'` when two
 * `export *` lead to different bindings. A dependency that is not an ES module of the space (CommonJS, a host or
 * builtin module, an override) is taken at its word: its namespace has the name or not.
 *
 * Linking asks this for every import and every name of every barrel, so the answer comes first from what is kept
 * (`resolveKept`): a module's own export is one binding per name, made once, and the names its `export *` give are
 * resolved once per record. The spec's walk, with its resolveSet, answers the rest.
 */
export function resolveExport(record: EsmRecord, name: string, resolveSet?: ResolveSet): Resolution {
  if (!resolveSet) {
    const kept = resolveKept(record, name)
    if (kept !== undefined) return kept
    resolveSet = new Map()
  }
  const seen = resolveSet.get(record)
  if (seen?.has(name)) return null
  if (seen) seen.add(name)
  else resolveSet.set(record, new Set([name]))
  const { compiled, deps } = record
  const indirect = compiled.indirect[name]
  if (indirect) {
    if (indirect[1] === null) return namespaceBinding(record, name, indirect[0])
    const slot = deps[indirect[0]]!
    return slot.record ? resolveExport(slot.record, indirect[1], resolveSet) : foreign(slot, indirect[1])
  }
  if (ownExports(compiled).has(name)) return ownBinding(record, name)
  if (name === 'default') return null
  let found: Binding | null = null
  for (let i = 0; i < compiled.stars.length; i++) {
    const slot = deps[compiled.stars[i]!]!
    // A source whose exported names do not include the name resolves it to null: skip it without the walk.
    if (slot.record && !mayExport(slot.record, name)) continue
    const resolution = slot.record ? resolveExport(slot.record, name, resolveSet) : foreign(slot, name)
    if (resolution === 'ambiguous') return resolution
    if (resolution === null) continue
    if (found === null) found = resolution
    else if (!sameBinding(found, resolution)) return 'ambiguous'
  }
  return found
}

/**
 * `resolveExport` from what is kept, without a resolveSet: `undefined` when that is not the spec's answer, because a
 * name leads to a source whose names are known only once it ran (CommonJS, an override), or through a circle (of
 * `export *`, or of re-exports by name).
 */
function resolveKept(record: EsmRecord, name: string): Resolution | undefined {
  const { compiled, deps } = record
  const indirect = compiled.indirect[name]
  if (indirect) {
    const [index, imported] = indirect
    if (imported === null) return namespaceBinding(record, name, index)
    const slot = deps[index]!
    if (!slot.record) return slot.host === undefined ? undefined : foreign(slot, imported)
    for (let i = 0; i < following.length; i += 2) if (following[i] === record && following[i + 1] === name) return undefined
    following.push(record, name)
    try {
      return resolveKept(slot.record, imported)
    } finally {
      following.length -= 2
    }
  }
  if (ownExports(compiled).has(name)) return ownBinding(record, name)
  if (name === 'default' || compiled.stars.length === 0) return null
  let table = starTables.get(record)
  if (table === undefined) starTables.set(record, (table = makeStarTable(record)))
  return table === null ? undefined : (table.get(name) ?? null)
}

/**
 * What each name `record`'s `export *` give resolves to, made once per record from its sources' own answers (their
 * own exports, re-exports, and tables), bottom-up: the spec's walk visited every source again for every name, and a
 * tree of barrels again for each barrel above it. `null` when a source's names are known only once it ran, or when
 * the record reaches a circle: a table met again while it is made, or a re-export by name followed again, is one
 * the record is on, or one it reaches (every table above it is `null` too, and the walk answers for them).
 *
 * Without circles the two agree: every path to a binding passes it up unchanged, and a pair (module, name) the walk's
 * resolveSet cuts off was reached before on another path, whose answer (the same binding, or `'ambiguous'`, which
 * ends the walk) is already counted; a table counts it again, which changes no comparison.
 */
function makeStarTable(record: EsmRecord): StarTable | null {
  if (making.has(record)) return null
  const { compiled, deps } = record
  let table: Map<string, Binding | 'ambiguous'> | null = new Map()
  making.add(record)
  for (let i = 0; i < compiled.stars.length && table; i++) {
    const source = deps[compiled.stars[i]!]!.record
    const names = source && exportedNameSet(source)
    if (!names) table = null
    else table = addSourceBindings(table, record, source, names)
  }
  making.delete(record)
  return table
}

/** The tables being made and the re-exports by name being followed (record, name, record, name...) for them. */
const making = new Set<EsmRecord>()
const following: (EsmRecord | string)[] = []
const starTables = new WeakMap<EsmRecord, StarTable | null>()

/** Adds to `table` what `source`'s names lead to, but those `record` exports itself; `null` when one is not kept. */
function addSourceBindings(table: Map<string, Binding | 'ambiguous'>, record: EsmRecord, source: EsmRecord, names: ReadonlySet<string>) {
  const { compiled } = record
  for (const name of names) {
    if (name === 'default' || compiled.indirect[name] || ownExports(compiled).has(name)) continue
    const resolution = resolveKept(source, name)
    if (resolution === undefined) return null
    if (resolution === null) continue
    const before = table.get(name)
    if (before === undefined) table.set(name, resolution)
    else if (before !== 'ambiguous' && (resolution === 'ambiguous' || !sameBinding(before, resolution))) table.set(name, 'ambiguous')
  }
  return table
}

function sameBinding(a: Binding, b: Binding): boolean {
  return a.module === b.module && a.name === b.name
}

/**
 * Linking's check of every import of the records just linked (and of their re-exports by name): a name no export
 * provides, or one two `export *` provide differently, is a SyntaxError before any module runs, as in Node (and in
 * Node's words: `nodeLinkError`).
 */
export function checkImports(records: EsmRecord[]): void {
  for (const record of records) {
    const { imports } = record.compiled
    for (let i = 0; i < imports.length; i++) {
      const slot = record.deps[i]!
      if (!slot.record) continue
      const { names } = imports[i]!
      const { compiled } = slot.record
      const own = ownExports(compiled)
      for (let j = 0; j < names.length; j++) {
        const name = names[j]!
        // Most imports name a local export of the module: it needs no binding to be known to lead to one.
        if (own.has(name) && !compiled.indirect[name]) continue
        const resolution = resolveExport(slot.record, name)
        if (resolution !== null && resolution !== 'ambiguous') continue
        // Node's error, which V8's order of checks and its walk give: often not this import's.
        const what = resolution === null ? `does not provide an export named '${name}'` : `contains conflicting star exports for name '${name}'`
        throw nodeLinkError(records) ?? new SyntaxError(`The requested module '${slot.specifier}' ${what}`)
      }
    }
  }
}

/**
 * A module's own export names as a set, made once per compiled module: linking asks for each name reached through
 * `export *` (every name of every source), and a list's `includes` made that quadratic (about 20 ms of a warm typebox
 * load, whose index re-exports hundreds of names).
 */
function ownExports(compiled: EsmRecord['compiled']): ReadonlySet<string> {
  let names = exportSets.get(compiled)
  if (!names) {
    names = new Set(compiled.exportNames)
    exportSets.set(compiled, names)
  }
  return names
}
const exportSets = new WeakMap<EsmRecord['compiled'], ReadonlySet<string>>()

/** The binding of `record`'s export `name`, one per name (every import of it and every `export *` reaching it share it). */
function ownBinding(record: EsmRecord, name: string, get?: () => unknown): Binding {
  let bindings = ownBindings.get(record)
  if (!bindings) {
    bindings = new Map()
    ownBindings.set(record, bindings)
  }
  let binding = bindings.get(name)
  if (!binding) {
    binding = { module: record, name, get: get ?? reader(record.ns, name) }
    bindings.set(name, binding)
  }
  return binding
}
const ownBindings = new WeakMap<EsmRecord, Map<string, Binding>>()

/**
 * A namespace re-exported (`export * as x`, or `export { ns }` of `import * as ns`) is a binding of the module that
 * re-exports it: V8's reading, which Node follows (two modules re-exporting one namespace through `export *` make the
 * name ambiguous).
 */
function namespaceBinding(record: EsmRecord, name: string, index: number): Binding {
  return ownBinding(record, name, () => record.deps[index]!.ns)
}

/** Whether `name` is among GetExportedNames of `record` (the only names ResolveExport can find there). */
function mayExport(record: EsmRecord, name: string): boolean {
  return exportedNameSet(record)?.has(name) ?? true
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
