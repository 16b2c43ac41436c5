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
    // A namespace re-exported is a binding of the module that re-exports it (V8's reading, which Node follows: two
    // modules re-exporting one namespace through `export *` make the name ambiguous).
    if (imported === null) return { module: record, name, get: () => slot.ns }
    return slot.record ? resolveExport(slot.record, imported, resolveSet) : foreign(slot, imported)
  }
  if (ownExports(compiled).has(name)) return { module: record, name, get: reader(record.ns, name) }
  if (name === 'default') return null
  let found: Binding | null = null
  for (const index of compiled.stars) {
    const slot = deps[index]!
    // A source whose exported names do not include the name resolves it to null: skip it without the walk. Linking
    // resolves every name of a barrel module this way, and visiting every source for every name was most of a cold
    // ES module load's linking time (typebox: ~30 ms).
    if (slot.record && !mayExport(slot.record, name)) continue
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

/** Whether `name` is among GetExportedNames of `record` (the only names ResolveExport can find there). */
function mayExport(record: EsmRecord, name: string): boolean {
  return exportedNameSet(record)?.has(name) ?? true
}

/**
 * GetExportedNames of `record` as a set, remembered per record once every `export *` source is an ES module record;
 * `undefined` while one is not, since a CommonJS or host source's names are known only once it ran. Linking asks for
 * it once to fill the namespace and again for each name a barrel re-exports.
 */
export function exportedNameSet(record: EsmRecord): ReadonlySet<string> | undefined {
  let names = exportedNameSets.get(record)
  if (!names) {
    const list = exportedNames(record)
    if (!list) return undefined
    names = new Set(list)
    exportedNameSets.set(record, names)
  }
  return names
}
const exportedNameSets = new WeakMap<EsmRecord, ReadonlySet<string>>()

/** A dependency that is not an ES module record: a CommonJS facade's or a host module's names may not be known yet. */
function foreign(slot: DependencySlot, name: string): Binding | null {
  if (slot.host !== undefined || name in slot.ns) return { module: slot.ns, name, get: reader(slot.ns, name) }
  return null
}

/** The namespace's own getter when it has one already (one call less on every read), else a read through it. */
function reader(ns: object, name: string): () => unknown {
  return Object.getOwnPropertyDescriptor(ns, name)?.get ?? (() => (ns as Record<string, unknown>)[name])
}

/**
 * GetExportedNames of the spec: the module's own export names and, through `export *`, its sources' (not `default`);
 * `undefined` when a source is not an ES module of the space (its names are known only once it ran).
 */
function exportedNames(record: EsmRecord, seen = new Set<EsmRecord>()): string[] | undefined {
  if (seen.has(record)) return []
  seen.add(record)
  const names = record.compiled.exportNames.slice()
  for (const index of record.compiled.stars) {
    const source = record.deps[index]!.record
    if (!source) return undefined
    const more = exportedNames(source, seen)
    if (!more) return undefined
    for (const name of more) if (name !== 'default') names.push(name)
  }
  return names
}
