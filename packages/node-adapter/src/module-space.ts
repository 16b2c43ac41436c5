import { isAbsolute } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Worker } from 'node:worker_threads'
import { builtinId, createGraph, ErrorCodes, ModspaceError, ROOT_SPACE, type Delegation } from '@modspace/core'
import { diskCacheFor, type CompileCacheSetting } from './cache/cache-settings.js'
import { cjsExportNames } from './cjs/cjs-export-names.js'
import { CjsFacade } from './cjs/cjs-facade.js'
import { compileCjs } from './cjs/compile-cjs.js'
import { SpaceModule } from './cjs/space-module.js'
import { sourceOf } from './compile-cache.js'
import { spaceContext } from './current-space.js'
import { dynamicImport } from './esm/dynamic-import.js'
import { checkImportAttributes, type ImportAttributes } from './esm/import-attributes.js'
import { linkEsm, type DependencySlot, type EsmRecord } from './esm/esm-graph.js'
import { importEsm, requireEsm } from './esm/load-esm.js'
import { requireCycleError } from './esm/require-esm-errors.js'
import { fillHostNamespaceAsync, hostNamespace, hostRequireValue } from './host-modules.js'
import { isEsmSyntaxError, moduleFormat, warnTypelessPackageJson } from './module-format.js'
import { valueNamespace } from './namespace.js'
import { disposedError } from './resolve-errors.js'
import { SpaceRuntime, type Target } from './space-runtime.js'
import { EsmRecordMap } from './views/esm-records.js'
import { builtinView, processView } from './views/space-views.js'
import { startSpaceWorker, type SpaceWorkerOptions } from './worker.js'

/** Options of an ad hoc space, made without a config file. */
export interface ModuleSpaceOptions {
  /** Only `undefined` (or `'root'`): an ad hoc space is a child of the host. Spaces with other parents come from a config. */
  parent?: undefined | 'root'
  /** The space's dependency root (its package.json and node_modules). */
  root: string
  /** @default 'parent-first' */
  delegation?: Delegation
  /** @default 'adhoc' */
  name?: string
  shared?: string[] | Record<string, string>
  isolated?: string[]
  overrides?: Record<string, string | false>
  /** @default ['node'] */
  conditions?: string[]
  /** The persistent compile cache, as `createSpaces`' option of that name (its default folder is found from `root`). */
  cache?: CompileCacheSetting
}

export interface RunMainOptions {
  /** Arguments after the file: inside the run, `process.argv` is `[execPath, file, ...argv]`. */
  argv?: string[]
}

const ATTACH = Symbol('modspace.attach')
type Attach = { [ATTACH]: { runtime: SpaceRuntime; name: string } }

/**
 * A module space at run time: its own registry of module instances (CommonJS and ESM), loading every module it owns
 * with a `require`/`import` that resolves through the core's graph. Modules owned by another space come from that
 * space's registry; modules owned by `root` are the host's own.
 */
export class ModuleSpace {
  readonly name: string
  /** @internal */
  readonly runtime: SpaceRuntime
  /** `require.cache` of every CommonJS module of the space: delete a key to load that module again. */
  readonly requireCache: Record<string, SpaceModule> = Object.create(null)
  /** @internal ES module instances by file. */
  readonly esmRecords: Map<string, EsmRecord> = new EsmRecordMap(this)
  /** The module `runMain` started: `require.main` inside the space. */
  mainModule: SpaceModule | undefined
  readonly #facades = new Map<string, CjsFacade>()
  readonly #overrides = new Map<string, { value: unknown; ns?: Record<string, unknown> }>()
  #disposed = false

  constructor(options: ModuleSpaceOptions | Attach) {
    if (ATTACH in options) {
      this.runtime = options[ATTACH].runtime
      this.name = options[ATTACH].name
    } else {
      const { parent, root, name = 'adhoc', conditions, cache, ...space } = options
      if (parent !== undefined && parent !== ROOT_SPACE) {
        throw new ModspaceError(ErrorCodes.CONFIG_INVALID, 'an ad hoc space can only have the host as its parent.', {
          configPath: 'parent',
          space: name,
          expected: "`parent: undefined` or 'root'",
          fix: 'declare both spaces in a modspace config and use createSpaces()',
        })
      }
      const graph = createGraph({ spaces: { [name]: { root, ...space } }, ...(conditions ? { conditions } : {}) }, { cwd: root })
      this.runtime = new SpaceRuntime(graph, { adhoc: options }, diskCacheFor(cache, root))
      this.name = name
      this.runtime.register(new ModuleSpace({ [ATTACH]: { runtime: this.runtime, name: ROOT_SPACE } }))
    }
    this.runtime.graph.space(this.name)
    this.runtime.register(this)
  }

  /** @internal */
  static attach(runtime: SpaceRuntime, name: string): ModuleSpace {
    return new ModuleSpace({ [ATTACH]: { runtime, name } })
  }

  /** Real path of the space's dependency root. */
  get root(): string {
    return this.runtime.graph.space(this.name).root
  }

  /** The parent space (`undefined` for `root`). */
  get parent(): ModuleSpace | undefined {
    const parent = this.runtime.graph.space(this.name).parent
    return parent === undefined ? undefined : this.runtime.space(parent)
  }

  get disposed(): boolean {
    return this.#disposed
  }

  /** Imports `specifier` (ESM or CommonJS) as an entry of the space: relative to its root, bare through its rules. */
  import(specifier: string): Promise<any> {
    return spaceContext.run(this, () => this.importFrom(undefined, specifier))
  }

  /** Requires `specifier` synchronously as an entry of the space. */
  require(specifier: string): any {
    return spaceContext.run(this, () => this.requireFrom(undefined, undefined, specifier))
  }

  /** Where `specifier` leads from the space's root (or from `importer`): the file, or `node:x` for a builtin. */
  resolve(specifier: string, options: { importer?: string; kind?: 'import' | 'require' } = {}): string {
    return this.resolveId(options.importer, specifier, options.kind ?? 'import')
  }

  /**
   * Makes `specifier` give `value` in this space and its descendants (a live object, not a file). Modules already
   * loaded keep what they got. A config override of the same specifier in a nearer descendant still wins there.
   */
  override(specifier: string, value: unknown): this {
    this.#alive(specifier, 'override')
    this.#overrides.set(builtinId(specifier) ?? specifier, { value })
    this.runtime.forgetTargets()
    return this
  }

  /**
   * Runs `file` as the space's main module: `require.main === module` (CommonJS) or `import.meta.main` (ESM), with
   * `process.argv` set to `[execPath, file, ...argv]` while it loads. Resolves to its exports once it has loaded.
   */
  async runMain(file: string, options: RunMainOptions = {}): Promise<any> {
    this.#alive(file)
    const specifier = isAbsolute(file) || file.startsWith('.') ? file : `./${file}`
    const target = this.runtime.target(this.name, undefined, specifier, 'require')
    if (target.type !== 'space') return this.import(specifier)
    const { space, id } = target
    const argv = process.argv
    process.argv = [process.execPath, id, ...(options.argv ?? [])]
    try {
      return await spaceContext.run(space, async () => {
        if (space.#format(id) === 'esm') return importEsm(space, id, { main: true })
        return space.#runCjs(new SpaceModule(id, undefined, space, true))
      })
    } finally {
      process.argv = argv
    }
  }

  /**
   * Starts a `worker_threads` Worker whose entry `file` (as for `runMain`) runs as the main module of this space, in
   * spaces made again in the worker from the same config, so that the space's rules hold in the thread. `options` are
   * Node's (`workerData`, `argv`, `env`, `resourceLimits`, ...). A plain `new Worker(file)` runs plain Node.
   */
  worker(file: string | URL, options?: SpaceWorkerOptions): Worker {
    this.#alive(String(file))
    return startSpaceWorker(this, this.runtime.source, file, options)
  }

  /** Runs `fn` with this space as `currentSpace()`, for it and every asynchronous task it starts. */
  run<T>(fn: () => T): T {
    this.#alive(undefined, 'run a function in')
    return spaceContext.run(this, fn)
  }

  /**
   * Drops every module instance of the space, so that they can be collected. A new space (from `createSpaces`
   * again) loads everything afresh. Loading from a disposed space throws.
   */
  async dispose(): Promise<void> {
    if (this.#disposed) return
    this.#disposed = true
    const files = new Set([...Object.keys(this.requireCache), ...this.esmRecords.keys(), ...this.#facades.keys()])
    for (const id of Object.keys(this.requireCache)) delete this.requireCache[id]
    this.esmRecords.clear()
    this.#facades.clear()
    this.#overrides.clear()
    this.mainModule = undefined
    this.runtime.forgetSpace(this, files)
  }

  /** @internal Whether this space has an instance of `file` (for the runtime, to keep what a live space uses). */
  holds(file: string): boolean {
    return file in this.requireCache || this.esmRecords.has(file) || this.#facades.has(file)
  }

  /** @internal The space's view of Node's `Module` class (`module.constructor` of its CommonJS modules). */
  moduleClass(): unknown {
    return builtinView(this, 'node:module')!.value
  }

  /** @internal The live override of `key` set on this space. */
  liveOverride(key: string): { value: unknown; owner: ModuleSpace } | undefined {
    const entry = this.#overrides.get(key)
    return entry ? { value: entry.value, owner: this } : undefined
  }

  /** @internal `require()` from a module of this space (`importer` undefined: an entry). */
  requireFrom(importer: string | undefined, parent: SpaceModule | undefined, specifier: string): any {
    this.#alive(specifier)
    const target = this.runtime.target(this.name, importer, specifier, 'require')
    if (target.type === 'value') return target.value
    if (target.type === 'host') return hostRequireValue(target.id)
    return target.space.loadCjs(target.id, target.space === this ? parent : undefined)
  }

  /**
   * @internal `import()` from a module of this space. `attributes` (a module's own `import()`, not the entry API) are
   * checked against the module as Node checks them.
   */
  async importFrom(importer: string | undefined, specifier: string, attributes?: ImportAttributes): Promise<any> {
    this.#alive(specifier)
    const target = this.runtime.target(this.name, importer, specifier, 'import')
    if (target.type === 'value') return this.#valueNamespace(target)
    if (attributes) checkImportAttributes(attributes, target.id, target.id.endsWith('.json'))
    if (target.type === 'host') {
      await fillHostNamespaceAsync(target.id)
      return hostNamespace(target.id).ns
    }
    const { space, id } = target
    if (space.#format(id) === 'esm') return importEsm(space, id)
    const facade = space.#facade(id)
    facade.bind()
    return facade.ns
  }

  /** @internal The namespace slot a static import of a module of this space binds to. */
  dependencySlot(importer: string, specifier: string, names: string[], session: EsmRecord[]): DependencySlot {
    const target = this.runtime.target(this.name, importer, specifier, 'import')
    if (target.type === 'value') return { specifier, names, ns: this.#valueNamespace(target) }
    if (target.type === 'host') return { specifier, names, ns: hostNamespace(target.id).ns, host: target.id }
    const { space, id } = target
    if (space.#format(id) === 'esm') {
      const record = linkEsm(space, id, session)
      return { specifier, names, ns: record.ns, record }
    }
    const facade = space.#facade(id)
    return { specifier, names, ns: facade.ns, facade }
  }

  /**
   * @internal Loads (once) the CommonJS, JSON or `require(esm)` module `id`, owned by this space. A required ES module
   * gets a `require.cache` entry, as in Node (deleting it gives a new `__esModule` facade, over the same module).
   */
  loadCjs(id: string, parent: SpaceModule | undefined): any {
    this.#alive(id)
    const cached = this.requireCache[id]
    if (cached) {
      // An ES module that a require() further up is still loading: Node refuses what it cannot give whole.
      if (!cached.loaded && this.#format(id) === 'esm') throw requireCycleError(cached)
      if (parent && !parent.children.includes(cached)) parent.children.push(cached)
      return cached.exports
    }
    const module = new SpaceModule(id, parent, this)
    parent?.children.push(module)
    return this.#runCjs(module)
  }

  /** @internal The resolved file (or `node:` builtin, or the specifier for a live override) `require.resolve` gives. */
  resolveId(importer: string | undefined, specifier: string, kind: 'import' | 'require'): string {
    this.#alive(specifier, 'resolve')
    const target = this.runtime.target(this.name, importer, specifier, kind)
    if (target.type === 'value') return specifier
    if (target.type === 'host' && target.id.startsWith('node:') && !specifier.startsWith('node:') && kind === 'require') return target.id.slice(5)
    return target.id
  }

  /** @internal `import.meta.resolve`: a URL. */
  resolveUrl(importer: string, specifier: string): string {
    const id = this.resolveId(importer, specifier, 'import')
    return isAbsolute(id) ? pathToFileURL(id).href : id
  }

  /** @internal */
  isBuiltin(specifier: string): boolean {
    return builtinId(specifier) !== undefined
  }

  #runCjs(module: SpaceModule): any {
    const id = module.filename
    this.requireCache[id] = module
    try {
      const format = this.#format(id)
      const entry = this.runtime.compiled(id)
      if (format === 'esm') {
        module.exports = requireEsm(this, module)
      } else if (format === 'json') {
        module.exports = parseJson(sourceOf(entry), id)
      } else {
        compileCjs(entry).call(module.exports, module.exports, module.require, module as unknown as NodeJS.Module, id, module.path, dynamicImport(this, id), processView(this))
      }
      module.loaded = true
    } catch (error) {
      // Node forgets a module that threw, so that requiring it again retries: same here.
      if (this.requireCache[id] === module) delete this.requireCache[id]
      const siblings = module.parent?.children
      if (siblings?.includes(module)) siblings.splice(siblings.indexOf(module), 1)
      throw error
    }
    return module.exports
  }

  #facade(id: string): CjsFacade {
    let facade = this.#facades.get(id)
    if (!facade) {
      const names = moduleFormat(id, this.runtime.graph.host.readPackageJson) === 'json' ? null : this.#cjsNames(id, new Set())
      facade = new CjsFacade(this, id, names)
      this.#facades.set(id, facade)
    }
    return facade
  }

  /** The lexer's names of a CommonJS file, with those of the files it re-exports (`module.exports = require(x)`). */
  #cjsNames(id: string, seen: Set<string>): string[] {
    if (seen.has(id) || seen.size > 32) return []
    seen.add(id)
    const { exports, reexports } = cjsExportNames(this.runtime.compiled(id))
    const names = [...exports]
    for (const specifier of reexports) {
      let target: Target
      try {
        target = this.runtime.target(this.name, id, specifier, 'require')
      } catch {
        continue
      }
      if (target.type === 'value' || target.id.startsWith('node:') || target.id.endsWith('.node')) continue
      const owner = target.type === 'space' ? target.space : this
      names.push(...owner.#cjsNames(target.id, seen))
    }
    return names
  }

  #format(id: string): 'cjs' | 'esm' | 'json' | 'native' {
    const format = moduleFormat(id, this.runtime.graph.host.readPackageJson)
    if (format !== 'detect') return format
    const entry = this.runtime.compiled(id)
    if (!entry.detected) {
      try {
        compileCjs(entry)
        entry.detected = 'cjs'
      } catch (error) {
        if (!isEsmSyntaxError(error)) throw error
        entry.detected = 'esm'
        warnTypelessPackageJson(id, this.runtime.graph.host.readPackageJson)
      }
    }
    return entry.detected
  }

  #valueNamespace(target: Extract<Target, { type: 'value' }>): Record<string, unknown> {
    if (target.namespace) return target.namespace()
    const entry = target.owner.#overrides.get(target.key)
    if (!entry) return valueNamespace(target.value)
    entry.ns ??= valueNamespace(entry.value)
    return entry.ns
  }

  #alive(specifier: string | undefined, action: 'load' | 'resolve' | 'override' | 'run a function in' = 'load'): void {
    if (this.#disposed) throw disposedError(this.name, specifier, action)
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw Object.assign(new SyntaxError(`${file}: ${(error as Error).message}`), { cause: error })
  }
}
