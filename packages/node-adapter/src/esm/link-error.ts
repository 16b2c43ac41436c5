import { readFileSync } from 'node:fs'
import type { EsmRecord } from './esm-graph.js'
import { fileUrlOf } from './file-url.js'

/** Where V8 puts a link error: the module whose import, re-export or `export *` reached the failing module. */
interface Site {
  record: EsmRecord
  specifier: string
  name: string
}
interface Failure {
  message: string
  site: Site
}
/** What an export name leads to: the same module and name is the same binding. */
interface Binding {
  module: object
  name: string
}
type Walk = Binding | null | Failure
type ResolveSet = Map<EsmRecord, Set<string>>

/**
 * The SyntaxError Node gives for a graph whose linking failed (the spec's walk found a name that leads nowhere, or
 * two ways): V8 instantiates the graph depth first and checks each module after its dependencies, its imports then
 * its re-exports by name, and names in its message the module (by the specifier that reached it) where the walk
 * stopped: the inner module of a re-export chain, "Detected cycle while resolving name" for a re-export circle.
 * `undefined` when V8's walk finds nothing wrong (the caller keeps its own error).
 */
export function nodeLinkError(session: EsmRecord[]): SyntaxError | undefined {
  const members = new Set(session)
  const done = new Set<EsmRecord>()
  const visit = (record: EsmRecord): Failure | undefined => {
    done.add(record)
    for (const slot of record.deps) if (slot.record && members.has(slot.record) && !done.has(slot.record)) {
      const failure = visit(slot.record)
      if (failure) return failure
    }
    return checkModule(record)
  }
  const failure = session.length ? visit(session[0]!) : undefined
  return failure && syntaxError(failure)
}

/** V8's FinishInstantiate: every named import, then every re-export by name of the module. */
function checkModule(record: EsmRecord): Failure | undefined {
  const { imports, indirect } = record.compiled
  for (let i = 0; i < imports.length; i++) {
    const slot = record.deps[i]!
    if (!slot.record) continue
    for (const name of imports[i]!.names) {
      if (reExportOnly(record, i, name)) continue
      const walk = resolve(slot.record, slot.specifier, name, true, new Map(), { record, specifier: slot.specifier, name })
      if (isFailure(walk)) return walk
    }
  }
  for (const name of Object.keys(indirect)) {
    if (indirect[name]![1] === null) continue
    const walk = resolve(record, '', name, true, new Map(), { record, specifier: '', name })
    if (isFailure(walk)) return walk
  }
  return undefined
}

/** A name a slot lists because the module re-exports it (checked with the re-exports, from the module itself). */
function reExportOnly(record: EsmRecord, index: number, name: string): boolean {
  const { indirect } = record.compiled
  for (const key in indirect) if (indirect[key]![0] === index && indirect[key]![1] === name) return true
  return false
}

/** V8's ResolveExport: a failure when it throws (always for an ambiguous name, else only when the name must resolve). */
function resolve(record: EsmRecord, specifier: string, name: string, mustResolve: boolean, set: ResolveSet, at: Site): Walk {
  const seen = set.get(record)
  if (seen?.has(name)) return mustResolve ? { message: `Detected cycle while resolving name '${name}' in '${specifier}'`, site: at } : null
  if (seen) seen.add(name)
  else set.set(record, new Set([name]))
  const { compiled, deps } = record
  const indirect = compiled.indirect[name]
  if (indirect) {
    if (indirect[1] === null) return bindingOf(record, name)
    const slot = deps[indirect[0]]!
    const site = { record, specifier: slot.specifier, name }
    if (slot.record) return resolve(slot.record, slot.specifier, indirect[1], true, set, site)
    return foreign(slot, indirect[1]) ?? unresolvable(slot.specifier, indirect[1], site)
  }
  if (compiled.exportNames.includes(name)) return bindingOf(record, name)
  let found: Binding | null = null
  if (name !== 'default') {
    for (const index of compiled.stars) {
      const slot = deps[index]!
      const site = { record, specifier: slot.specifier, name }
      const walk = slot.record ? resolve(slot.record, slot.specifier, name, false, set, site) : foreign(slot, name)
      if (isFailure(walk)) return walk
      if (walk === null) continue
      if (found === null) found = walk
      else if (found.module !== walk.module || found.name !== walk.name) {
        return { message: `The requested module '${specifier}' contains conflicting star exports for name '${name}'`, site: at }
      }
    }
  }
  return found ?? (mustResolve ? unresolvable(specifier, name, at) : null)
}

function unresolvable(specifier: string, name: string, site: Site): Failure {
  return { message: `The requested module '${specifier}' does not provide an export named '${name}'`, site }
}

/** A module's own export, or a namespace it re-exports (a binding of its own, as V8 reads it). */
function bindingOf(record: EsmRecord, name: string): Binding {
  return { module: record, name }
}

function foreign(slot: EsmRecord['deps'][number], name: string): Binding | null {
  return slot.host !== undefined || name in slot.ns ? { module: slot.ns, name } : null
}

function isFailure(walk: Walk): walk is Failure {
  return walk !== null && 'message' in walk
}

/** Node's head of a link error's stack: the URL and line of the statement that reached the failing module, a caret. */
function syntaxError({ message, site }: Failure): SyntaxError {
  const error = new SyntaxError(message)
  let source: string
  try {
    source = readFileSync(site.record.id, 'utf8')
  } catch {
    return error
  }
  const lines = source.split(/\r?\n/)
  const quoted = [`'${site.specifier}'`, `"${site.specifier}"`]
  const index = lines.findIndex((line) => quoted.some((text) => line.includes(text)))
  if (index === -1) return error
  const line = lines[index]!
  const column = Math.max(0, line.search(new RegExp(`\\b${site.name.replace(/[^\w$]/g, '\\$&')}\\b`)))
  error.stack = `${fileUrlOf(site.record.id)}:${index + 1}\n${line}\n${' '.repeat(column)}^\n${error.stack}`
  return error
}
