import type { EsmRecord } from './esm-graph.js'
import { resolveExport, type Binding } from './resolve-export.js'

/**
 * What `name` is in `record`'s namespace where the spec finds it ambiguous: V8 fills a namespace from its `export *`
 * sources' export tables (FetchStarExports), where a name two of a source's own sources give differently is missing
 * rather than ambiguous, so the module above takes the name from another source that has it (`import { name }` is
 * still refused: V8 resolves an import as the spec does). `null` when V8 leaves the name out too, or when the graph
 * below has an `export *` circle or a source that is not an ES module of the space: V8's tables then depend on which
 * namespaces were made first (docs/runtime.md), and the space keeps the spec's answer.
 */
export function v8StarBinding(record: EsmRecord, name: string): Binding | null {
  return tableOf(record, new Set())?.get(name) ?? null
}

type Table = ReadonlyMap<string, Binding>
const tables = new WeakMap<EsmRecord, Table | null>()

function tableOf(record: EsmRecord, visiting: Set<EsmRecord>): Table | null {
  const kept = tables.get(record)
  if (kept !== undefined) return kept
  if (visiting.has(record)) return null
  visiting.add(record)
  const table = makeTable(record, visiting)
  visiting.delete(record)
  tables.set(record, table)
  return table
}

function makeTable(record: EsmRecord, visiting: Set<EsmRecord>): Table | null {
  const { compiled, deps } = record
  const table = new Map<string, Binding>()
  for (const name of compiled.exportNames) {
    const binding = resolveExport(record, name)
    if (binding !== null && binding !== 'ambiguous') table.set(name, binding)
  }
  // A name two sources give differently is marked null, and left out.
  const more = new Map<string, Binding | null>()
  for (const index of compiled.stars) {
    const source = deps[index]!.record
    const sourceTable = source && tableOf(source, visiting)
    if (!sourceTable) return null
    for (const [name, binding] of sourceTable) {
      if (name === 'default' || table.has(name)) continue
      const before = more.get(name)
      if (before === undefined) more.set(name, binding)
      else if (before !== null && (before.module !== binding.module || before.name !== binding.name)) more.set(name, null)
    }
  }
  for (const [name, binding] of more) if (binding) table.set(name, binding)
  return table
}
