import { dirname } from 'node:path'
import type { CjsFacade } from '../cjs/cjs-facade.js'
import { fillHostNamespaceAsync, fillHostNamespaceSync, hostNamespace } from '../host-modules.js'
import type { ModuleSpace } from '../module-space.js'
import { addExports, addStarExports, createNamespace, defineExports, sealNamespace } from '../namespace.js'
import { compileEsm, type CompiledEsm } from './compile-esm.js'
import { dynamicImport } from './dynamic-import.js'
import { fileUrlOf } from './file-url.js'
import { checkImportAttributes, type ImportAttributes } from './import-attributes.js'
import { checkImports, resolveExport } from './resolve-export.js'
import { exportedNameSet } from './star-names.js'
import { v8StarBinding } from './v8-star-table.js'

/** One static import of a linked module: what its namespace is and how to get it evaluated. */
export interface DependencySlot {
  specifier: string
  names: string[]
  ns: Record<string, unknown>
  record?: EsmRecord
  facade?: CjsFacade
  /** A host module id: the namespace is filled by loading it with the host's loader. */
  host?: string
}

/** An ES module instance of a space. */
export class EsmRecord {
  readonly ns = createNamespace()
  #meta: Record<string, unknown> | undefined
  deps: DependencySlot[] = []
  status: 'linking' | 'linked' | 'evaluated' | 'errored' = 'linking'
  /** What the module (or a dependency) threw while it was evaluated: every later import gets the same error. */
  error: unknown
  /** The namespace has its `export *` names (added at link time) and is sealed. */
  starsLinked = false
  evaluation: Promise<void> | undefined
  generator: Generator<unknown, void, unknown> | AsyncGenerator<unknown, void, unknown> | undefined

  constructor(
    readonly space: ModuleSpace,
    readonly id: string,
    readonly compiled: CompiledEsm,
  ) {}

  /** `import.meta`, made when first asked for (its URL costs more than the rest of a record). */
  get meta(): Record<string, unknown> {
    const { space, id } = this
    // A null prototype, as Node's: `import.meta` converts to no string, and has no inherited names.
    this.#meta ??= {
      __proto__: null,
      url: fileUrlOf(id),
      filename: id,
      dirname: dirname(id),
      main: false,
      resolve: (specifier: string) => space.resolveUrl(id, specifier),
    }
    return this.#meta
  }
}

/**
 * Instantiates the module `id` of `space` and, depth first, its static dependencies: every namespace gets its
 * export getters before any module body runs, as Node's linking does. New records are pushed on `session`.
 */
export function linkEsm(space: ModuleSpace, id: string, session: EsmRecord[]): EsmRecord {
  const existing = space.esmRecords.get(id)
  if (existing) return existing
  const root = session.length === 0
  const record = new EsmRecord(space, id, compileEsm(space.runtime.compiled(id)))
  space.esmRecords.set(id, record)
  session.push(record)
  const { imports } = record.compiled
  const deps: DependencySlot[] = []
  const namespaces: object[] = []
  for (let i = 0; i < imports.length; i++) {
    const slot = space.dependencySlot(id, imports[i]!.specifier, imports[i]!.names, session)
    checkSlotAttributes(slot, imports[i]!.attributes)
    deps.push(slot)
    namespaces.push(slot.ns)
  }
  record.deps = deps
  const generator = record.compiled.fn.call(
    undefined,
    namespaces,
    record.ns,
    record.compiled.usesMeta ? record.meta : undefined,
    dynamicImport(space, id),
    defineExports,
  )
  record.generator = generator
  // Runs up to the first `yield`: the export getters. An async generator does that part synchronously too.
  const first = generator.next()
  if (first instanceof Promise) first.catch(() => {})
  record.status = 'linked'
  // Once the whole graph is instantiated (cycles included), every imported name must lead to a binding.
  if (root) {
    checkImports(session)
    for (const linked of session) linkStarExports(linked)
  }
  return record
}

/**
 * A namespace gets its `export *` names at link time, as Node's, and is sealed from then on, when every source is an
 * ES module of the space; a CommonJS or host source's names are added once it ran (`finishDependencies`).
 */
function linkStarExports(record: EsmRecord): void {
  const names = record.compiled.stars.length ? exportedNameSet(record) : new Set<string>()
  if (!names) return
  if (names.size) addExports(record.ns, [...names], (name) => bindingGetter(record, name))
  record.starsLinked = true
  sealNamespace(record.ns)
}

function bindingGetter(record: EsmRecord, name: string): (() => unknown) | null {
  const binding = resolveExport(record, name)
  if (binding === 'ambiguous') return v8StarBinding(record, name)?.get ?? null
  return binding === null ? null : binding.get
}

/** The import's attributes against the module it leads to (an override's value is taken as it is). */
function checkSlotAttributes(slot: DependencySlot, attributes: ImportAttributes | undefined): void {
  const id = slot.record?.id ?? slot.facade?.id ?? slot.host
  if (id !== undefined) checkImportAttributes(attributes, id, id.endsWith('.json'))
}

/**
 * Whether what has not run yet of the graph under `record` can run synchronously: no top-level await, no module that
 * another import is evaluating (that one must be waited for), no host module still to be loaded with `import()`.
 */
export function evaluatesSync(record: EsmRecord, seen: Set<EsmRecord>): boolean {
  if (record.status === 'evaluated' || record.status === 'errored' || seen.has(record)) return true
  if (record.compiled.async || record.evaluation) return false
  seen.add(record)
  // Index loops in this file: for-of steps allocate while the code is cold, and these run for every import.
  const { deps } = record
  for (let i = 0; i < deps.length; i++) {
    const slot = deps[i]!
    if (slot.record ? !evaluatesSync(slot.record, seen) : slot.host !== undefined && !hostNamespace(slot.host).filled) return false
  }
  return true
}

/** Evaluates a linked graph synchronously, for `require(esm)`: fails as Node does when it meets top-level await. */
export function evaluateSync(record: EsmRecord, stack: Set<EsmRecord>): void {
  if (record.status === 'evaluated' || stack.has(record)) return
  if (record.status === 'errored') throw record.error
  if (record.compiled.async || record.evaluation) throw requireAsyncError(record)
  stack.add(record)
  try {
    const { deps } = record
    for (let i = 0; i < deps.length; i++) {
      const slot = deps[i]!
      if (slot.record) evaluateSync(slot.record, stack)
      else if (slot.facade) slot.facade.bind()
      else if (slot.host) fillHostNamespaceSync(slot.host)
    }
    finishDependencies(record, stack)
    record.generator!.next()
  } catch (error) {
    fail(record, error)
    throw error
  }
  finish(record)
}

/** Evaluates a linked graph; concurrent callers share one evaluation of each module. */
export function evaluateAsync(record: EsmRecord, stack: Set<EsmRecord>): Promise<void> | undefined {
  if (record.status === 'evaluated' || stack.has(record)) return undefined
  if (record.status === 'errored') return Promise.reject(record.error)
  if (record.evaluation) return record.evaluation
  stack.add(record)
  record.evaluation = (async () => {
    try {
      for (const slot of record.deps) {
        if (slot.record) await evaluateAsync(slot.record, stack)
        else if (slot.facade) slot.facade.bind()
        else if (slot.host) await fillHostNamespaceAsync(slot.host)
      }
      finishDependencies(record, stack)
      await record.generator!.next()
    } catch (error) {
      fail(record, error)
      throw error
    }
    finish(record)
  })()
  return record.evaluation
}

/** `export *` names (known once the dependencies ran) and the check that every imported name exists. */
function finishDependencies(record: EsmRecord, stack: Set<EsmRecord>): void {
  const { deps } = record
  const { stars } = record.compiled
  if (stars.length && !record.starsLinked) addStarExports(record.ns, stars.map((index) => deps[index]!.ns), (name) => bindingGetter(record, name))
  for (let i = 0; i < deps.length; i++) {
    const slot = deps[i]!
    // A module still on the stack is part of a cycle: its `export *` names are not in yet.
    if (slot.record && slot.record.status !== 'evaluated' && stack.has(slot.record)) continue
    const { names, ns } = slot
    for (let j = 0; j < names.length; j++) {
      const name = names[j]!
      if (!(name in ns)) {
        throw new SyntaxError(
          `The requested module '${slot.specifier}' does not provide an export named '${name}' ` +
            `(imported by ${record.id} in space "${record.space.name}")`,
        )
      }
    }
  }
}

function finish(record: EsmRecord): void {
  record.status = 'evaluated'
  sealNamespace(record.ns)
  record.generator = undefined
}

/**
 * The module and every importer on the stack above it keep the error, as Node's errored modules do: importing any of
 * them again throws the same error object without running anything. A graph that could not run synchronously for
 * `require()` did not fail; it stays linked for `import()`.
 */
function fail(record: EsmRecord, error: unknown): void {
  if (record.status === 'errored' || notRun.has(error as object)) return
  record.status = 'errored'
  record.error = error
  record.generator = undefined
}

/** The errors `evaluateSync` throws before running anything. */
const notRun = new WeakSet<object>()

function requireAsyncError(record: EsmRecord): Error {
  const error = Object.assign(
    new Error(`require() cannot load ${record.id} in space "${record.space.name}": it (or a module it imports) uses top-level await. Use import() instead.`),
    { code: 'ERR_REQUIRE_ASYNC_MODULE' },
  )
  notRun.add(error)
  return error
}
