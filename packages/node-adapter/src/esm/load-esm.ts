import type { SpaceModule } from '../cjs/space-module.js'
import type { ModuleSpace } from '../module-space.js'
import { createNamespace, defineExports, sealNamespace, sortedGetters } from '../namespace.js'
import { evaluateAsync, evaluateSync, evaluatesSync, linkEsm, type EsmRecord } from './esm-graph.js'
import { importCjsCycleError, requireAsyncError, requireEvaluatingError } from './require-esm-errors.js'

/**
 * Imports the ES module `id` owned by `space`: links its graph, evaluates it (once, whoever else is importing it) and
 * gives its namespace. A module that throws keeps its error, as in Node: importing it again throws the same error.
 */
export async function importEsm(space: ModuleSpace, id: string, options: { main?: boolean } = {}): Promise<Record<string, unknown>> {
  const record = link(space, id)
  if (options.main) record.meta.main = true
  // Another import already evaluating a cycle this module is part of evaluates it too, in Node's order: wait for it
  // rather than start a second evaluation that would wait on the first while the first waits on it.
  for (const root of evaluating) {
    if (root !== record && root.evaluation && reaches(root, record) && reaches(record, root)) await root.evaluation.catch(() => {})
  }
  evaluating.add(record)
  const stack = new Set<EsmRecord>()
  stacks.add(stack)
  try {
    // A graph without top-level await runs in one go, as Node runs it (and without a promise per module).
    if (evaluatesSync(record, new Set())) evaluateSync(record, stack)
    else await evaluateAsync(record, stack)
  } finally {
    evaluating.delete(record)
    stacks.delete(stack)
  }
  return record.ns
}

/** Entries whose evaluation `importEsm` has started and not finished. */
const evaluating = new Set<EsmRecord>()
/** The evaluation stacks of every evaluation under way (a record on one that has not finished is being evaluated). */
const stacks = new Set<Set<EsmRecord>>()

/** Whether `to` is in the graph of unevaluated modules under `from`. */
function reaches(from: EsmRecord, to: EsmRecord, seen = new Set<EsmRecord>()): boolean {
  if (from === to) return true
  if (seen.has(from) || from.status === 'evaluated' || from.status === 'errored') return false
  seen.add(from)
  return from.deps.some((slot) => slot.record !== undefined && reaches(slot.record, to, seen))
}

/**
 * `require()` of an ES module, as Node 24 allows it: a graph without top-level await, evaluated synchronously. The
 * value is Node's: the `'module.exports'` export if there is one, else the namespace, with `__esModule: true` added
 * when the module has a default export (so that CommonJS compiled by tsc or Babel reads `.default` from it).
 */
export function requireEsm(space: ModuleSpace, module: SpaceModule): unknown {
  const record = link(space, module.filename, true)
  if (record.status === 'errored') throw record.error
  // Node's order: a module being evaluated is a cycle, unless its graph waits on top-level await (then Node sees it
  // as evaluated, asynchronously); a graph with top-level await anywhere is refused, evaluated or not.
  const async = someInGraph(record, (r) => r.compiled.async, new Set())
  if (!async && record.status !== 'evaluated' && onStack(record)) throw requireEvaluatingError(record.id, module.parent)
  if (async || someInGraph(record, (r) => r.evaluation !== undefined && r.status !== 'evaluated', new Set())) throw requireAsyncError(module)
  const stack = new Set<EsmRecord>()
  stacks.add(stack)
  try {
    evaluateSync(record, stack)
  } finally {
    stacks.delete(stack)
  }
  const { ns } = record
  if (Object.hasOwn(ns, 'module.exports')) return ns['module.exports']
  if (!Object.hasOwn(ns, 'default') || Object.hasOwn(ns, '__esModule')) return ns
  return esModuleFacade(ns)
}

function onStack(record: EsmRecord): boolean {
  for (const stack of stacks) if (stack.has(record)) return true
  return false
}

function someInGraph(record: EsmRecord, test: (record: EsmRecord) => boolean, seen: Set<EsmRecord>): boolean {
  if (seen.has(record)) return false
  seen.add(record)
  return test(record) || record.deps.some((slot) => slot.record !== undefined && someInGraph(slot.record, test, seen))
}

/** Node's facade for `require(esm)` of a module with a default export: every export (live) plus `__esModule: true`. */
function esModuleFacade(ns: Record<string, unknown>): Record<string, unknown> {
  const descriptors = Object.getOwnPropertyDescriptors(ns)
  const getters: Record<string, () => unknown> = { __esModule: () => true }
  for (const name of Object.keys(ns)) getters[name] = descriptors[name]!.get ?? (() => ns[name])
  const facade = createNamespace()
  defineExports(facade, sortedGetters(getters))
  return sealNamespace(facade)
}

/**
 * Links the graph under `id`. What this link made is forgotten if it fails (a record reached from here may be
 * evaluating for a concurrent import: that one stays). For `require()`, a module of the graph may not import a
 * CommonJS module that is still loading: Node refuses that cycle when it links.
 */
function link(space: ModuleSpace, id: string, forRequire = false): EsmRecord {
  const session: EsmRecord[] = []
  try {
    const record = linkEsm(space, id, session)
    if (forRequire) for (const linked of session) checkCjsImports(linked)
    return record
  } catch (error) {
    for (const record of session) {
      if (record.space.esmRecords.get(record.id) === record) record.space.esmRecords.delete(record.id)
    }
    throw error
  }
}

function checkCjsImports(record: EsmRecord): void {
  for (const slot of record.deps) {
    const loading = slot.facade && slot.facade.space.requireCache[slot.facade.id]
    if (loading && !loading.loaded) throw importCjsCycleError(slot.specifier, record.id)
  }
}
