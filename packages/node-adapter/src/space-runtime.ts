import { builtinId, ModspaceError, ROOT_SPACE, type SpaceGraph } from '@modspace/core'
import createDebug from 'debug'
import type { DiskCache } from './cache/disk-cache.js'
import { compiledFile, type CompiledFile } from './compile-cache.js'
import type { ModuleSpace } from './module-space.js'
import { blockedError, withTrace } from './resolve-errors.js'
import { builtinView } from './views/space-views.js'
import type { SpacesSource } from './worker.js'

const debug = createDebug('modspace:node-adapter')

/** Where a request leads, after the core decided (or a live override answered first). */
export type Target =
  | { type: 'value'; value: unknown; key: string; owner: ModuleSpace; namespace?: () => Record<string, unknown> }
  | { type: 'host'; id: string }
  | { type: 'space'; space: ModuleSpace; id: string }

/**
 * What the spaces made from one graph share: the graph, and the spaces by name. Every decision comes from
 * `graph.resolve()`; the runtime only adds the live objects of `space.override()`, which the core cannot see.
 */
export class SpaceRuntime {
  readonly graph: SpaceGraph
  /** The config the spaces were made from: `space.worker()` makes them again from it in the worker. */
  readonly source: SpacesSource
  /** The persistent compile cache of these spaces (`undefined`: off). */
  readonly cache: DiskCache | undefined
  readonly #spaces = new Map<string, ModuleSpace>()
  readonly #checked = new Map<string, CompiledFile>()
  /** Answers already given, by space, importer, kind and specifier: modules that `require()` inside functions ask again. */
  readonly #targets = new Map<string, Target>()
  /** Disposed spaces whose answers in `#targets` have not been swept yet (see `forgetSpace`). */
  readonly #unswept = new Set<ModuleSpace>()
  #disposingAll = false
  /** A space has (or had) a live override: until then no request needs to look for one. */
  #liveOverrides = false

  constructor(graph: SpaceGraph, source: SpacesSource, cache: DiskCache | undefined) {
    this.graph = graph
    this.source = source
    this.cache = cache
  }

  /**
   * The compiled form of `file`, checked against the file once per runtime: like the graph's own file reads, it is
   * taken to stay valid while these spaces live (a second space on the same tree then costs no `stat` per module).
   */
  compiled(file: string): CompiledFile {
    let entry = this.#checked.get(file)
    if (!entry) {
      entry = compiledFile(file, this.graph.host.fileVersion(file))
      entry.disk ??= this.cache
      this.#checked.set(file, entry)
    }
    return entry
  }

  register(space: ModuleSpace): void {
    this.#spaces.set(space.name, space)
  }

  /** The live space of that name (throws `MODSPACE_UNKNOWN_SPACE` for a name the config does not have). */
  space(name: string): ModuleSpace {
    const space = this.#spaces.get(name)
    if (space) return space
    this.graph.space(name)
    throw new Error(`internal: space "${name}" was not created`)
  }

  spaces(): IterableIterator<ModuleSpace> {
    return this.#spaces.values()
  }

  /**
   * Where `specifier`, imported by `importer` in the space that owns the importer, leads. A live override set on the
   * space or an ancestor answers first, unless a nearer space of the chain overrides the same specifier in its config.
   */
  target(spaceName: string, importer: string | undefined, specifier: string, kind: 'import' | 'require'): Target {
    const key = `${spaceName}\0${importer}\0${kind}\0${specifier}`
    let target = this.#targets.get(key)
    if (!target) {
      target = this.#decide(spaceName, importer, specifier, kind)
      this.#targets.set(key, target)
    }
    return target
  }

  /** Forgets the answers given (a live override was set: what is loaded from now on must see it). */
  forgetTargets(): void {
    this.#targets.clear()
    this.#liveOverrides = true
  }

  /**
   * Gives back what the runtime remembered for a disposed space: the compiled files of its modules that no live space
   * holds at once, the answers given from and to it at the next sweep (a pass over all answers, made once as many
   * spaces wait for it as are live, as the graph sweeps its own caches), everything once every space is disposed.
   */
  forgetSpace(disposed: ModuleSpace, files: Iterable<string>): void {
    if (this.#disposingAll) return
    this.graph.forgetSpace(disposed.name)
    const live = [...this.#spaces.values()].filter((space) => !space.disposed && space.name !== ROOT_SPACE)
    if (live.length === 0) {
      this.#targets.clear()
      this.#checked.clear()
      this.#unswept.clear()
      return
    }
    for (const file of files) if (!live.some((space) => space.holds(file))) this.#checked.delete(file)
    this.#unswept.add(disposed)
    if (this.#unswept.size < live.length) return
    const names = new Set([...this.#unswept].map((space) => space.name))
    for (const [key, target] of this.#targets) {
      const to = target.type === 'space' ? target.space : target.type === 'value' ? target.owner : undefined
      if (names.has(key.slice(0, key.indexOf('\0'))) || (to && this.#unswept.has(to))) this.#targets.delete(key)
    }
    this.#unswept.clear()
  }

  /** Disposes every space (`Spaces.dispose()`), then forgets everything at once rather than space by space. */
  async disposeAll(): Promise<void> {
    this.#disposingAll = true
    try {
      for (const space of this.#spaces.values()) await space.dispose()
    } finally {
      this.#disposingAll = false
    }
    this.graph.forgetSpaces(this.#spaces.keys())
    this.#targets.clear()
    this.#checked.clear()
    this.#unswept.clear()
  }

  #decide(spaceName: string, importer: string | undefined, specifier: string, kind: 'import' | 'require'): Target {
    if (this.#liveOverrides) {
      const key = builtinId(specifier) ?? specifier
      for (const name of this.graph.space(spaceName).chain) {
        const live = this.#spaces.get(name)?.liveOverride(key)
        if (live) return { type: 'value', value: live.value, key, owner: live.owner }
        if (this.graph.space(name).overrides.has(key)) break
      }
    }
    let result
    try {
      result = this.graph.resolve(importer ? { space: spaceName, specifier, importer, kind } : { space: spaceName, specifier, kind })
    } catch (error) {
      throw error instanceof ModspaceError ? withTrace(error, { space: spaceName, specifier, importer }) : error
    }
    if (result.kind === 'blocked') throw blockedError(result, { space: spaceName, specifier, importer })
    if (debug.enabled) debug('%s: %s from %s → %s %s', spaceName, specifier, importer ?? '(entry)', result.space, result.id)
    // `node:module` and `node:process` are views of the space (their doors load through it); root's are the host's.
    if (result.kind === 'builtin' && spaceName !== ROOT_SPACE) {
      const space = this.space(spaceName)
      const view = builtinView(space, result.id)
      if (view) return { type: 'value', value: view.value, key: result.id, owner: space, namespace: view.namespace }
    }
    // Builtins, addons and everything root owns are the host's; the rest is owned by a space's registry.
    if (result.kind === 'builtin' || result.space === ROOT_SPACE || result.id.endsWith('.node')) return { type: 'host', id: result.id }
    return { type: 'space', space: this.space(result.space), id: result.id }
  }
}
