import type { ModuleSpace } from '../module-space.js'
import { dropUnevaluated, evaluateAsync, evaluateSync, evaluatesSync, linkEsm, type EsmRecord } from './esm-graph.js'

/**
 * Imports the ES module `id` owned by `space`: links its graph, evaluates it (once, whoever else is importing it) and
 * gives its namespace. Whatever did not finish is forgotten on failure, so that the next import tries again.
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
  try {
    // A graph without top-level await runs in one go, as Node runs it (and without a promise per module).
    if (evaluatesSync(record, new Set())) evaluateSync(record, new Set())
    else await evaluateAsync(record, new Set())
  } catch (error) {
    dropUnevaluated(record)
    throw error
  } finally {
    evaluating.delete(record)
  }
  return record.ns
}

/** Entries whose evaluation `importEsm` has started and not finished. */
const evaluating = new Set<EsmRecord>()

/** Whether `to` is in the graph of unevaluated modules under `from`. */
function reaches(from: EsmRecord, to: EsmRecord, seen = new Set<EsmRecord>()): boolean {
  if (from === to) return true
  if (seen.has(from) || from.status === 'evaluated') return false
  seen.add(from)
  return from.deps.some((slot) => slot.record !== undefined && reaches(slot.record, to, seen))
}

/** `require()` of an ES module, as Node 24 allows it: a graph without top-level await, evaluated synchronously. */
export function requireEsm(space: ModuleSpace, id: string): unknown {
  const record = link(space, id)
  try {
    evaluateSync(record, new Set())
  } catch (error) {
    dropUnevaluated(record)
    throw error
  }
  return 'module.exports' in record.ns ? record.ns['module.exports'] : record.ns
}

function link(space: ModuleSpace, id: string): EsmRecord {
  const session: EsmRecord[] = []
  try {
    return linkEsm(space, id, session)
  } catch (error) {
    // Only what this link made: a record reached from here may be evaluating for a concurrent import.
    for (const record of session) {
      if (record.space.esmRecords.get(record.id) === record) record.space.esmRecords.delete(record.id)
    }
    throw error
  }
}
