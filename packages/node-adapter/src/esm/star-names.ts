import type { EsmRecord } from './esm-graph.js'

/**
 * GetExportedNames of `record` as a set, made once per record once every `export *` source it reaches is an ES module
 * record of the space; `undefined` when one is not, since a CommonJS or host source's names are known only once it
 * ran. Linking asks for it to fill the namespace and for each name a barrel re-exports.
 *
 * The spec's exportStarSet makes the names a union: the module's own, and every name but `default` of each module its
 * `export *` reach. So a record's set is its own names and its sources' sets, made bottom-up (each set once: walking
 * the whole closure again for each barrel of a tree of barrels was most of this); a record on an `export *` cycle
 * gets the union by a walk instead, whose result is its own and can be kept too.
 */
export function exportedNameSet(record: EsmRecord): ReadonlySet<string> | undefined {
  let names = nameSets.get(record)
  if (names === undefined) {
    const made = namesBottomUp(record)
    if (made === CYCLE) {
      const list = namesByWalk(record, new Set())
      names = list ? new Set(list) : FOREIGN
      nameSets.set(record, names)
    } else {
      names = made
    }
  }
  return names === FOREIGN ? undefined : names
}

/** A source's names are known only once it ran (a fact of the graph's shape: kept like a set). */
const FOREIGN = Symbol('foreign')
/** The record is on an `export *` cycle: its set is not the union of its sources' (one is not made yet). */
const CYCLE = Symbol('cycle')
const nameSets = new WeakMap<EsmRecord, ReadonlySet<string> | typeof FOREIGN>()
const visiting = new Set<EsmRecord>()

function namesBottomUp(record: EsmRecord): ReadonlySet<string> | typeof FOREIGN | typeof CYCLE {
  const known = nameSets.get(record)
  if (known !== undefined) return known
  if (visiting.has(record)) return CYCLE
  const { exportNames, stars } = record.compiled
  let names: Set<string> | typeof FOREIGN | typeof CYCLE = new Set(exportNames)
  visiting.add(record)
  for (let i = 0; i < stars.length; i++) {
    const source = record.deps[stars[i]!]!.record
    const more = source ? namesBottomUp(source) : FOREIGN
    if (typeof more === 'symbol') {
      names = more
      // A cycle is not this record's fact (it is its own set's reader's): keep looking for a foreign source only.
      if (more === FOREIGN) break
      continue
    }
    if (typeof names !== 'symbol') more.forEach((name) => name !== 'default' && (names as Set<string>).add(name))
  }
  visiting.delete(record)
  if (names !== CYCLE) nameSets.set(record, names)
  return names
}

/** GetExportedNames by the spec's walk (for a record on an `export *` cycle). */
function namesByWalk(record: EsmRecord, seen: Set<EsmRecord>): string[] | undefined {
  if (seen.has(record)) return []
  seen.add(record)
  const names = record.compiled.exportNames.slice()
  for (const index of record.compiled.stars) {
    const source = record.deps[index]!.record
    if (!source) return undefined
    const more = namesByWalk(source, seen)
    if (!more) return undefined
    for (const name of more) if (name !== 'default') names.push(name)
  }
  return names
}
