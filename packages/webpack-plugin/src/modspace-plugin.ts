import type { ResolveResult, SpaceGraph } from '@modspace/core'
import type { Compiler, Module, WebpackPluginInstance } from 'webpack'
import { decideModules } from './decide-modules.js'
import { emitManifest } from './emit-manifest.js'
import { loadSpaceGraph, type LoadedGraph } from './load-space-graph.js'
import { validateOptions, type ModspacePluginOptions, type ResolvedOptions } from './options.js'
import { applyRspack } from './rspack/apply-rspack.js'
import { rspackVersionRefusal } from './rspack/rspack-refusals.js'
import { addSpaceEntries, registerEntryFactory } from './space-entries.js'

const PLUGIN = 'ModspacePlugin'

/** rspack's compiler says what it is; webpack's has no `rspack` property. */
function isRspack(compiler: Compiler): boolean {
  return 'rspack' in compiler
}

/**
 * Module spaces for webpack. Each space is a webpack layer: module identity in webpack includes the layer, so the
 * same file owned by two spaces is two modules, and a module owned by `root` is in no layer (one module). Every
 * decision (owner and file) comes from `graph.resolve()` of @modspace/core; webpack's resolver only locates the file
 * core chose, so that loaders, rules and `resource` data still apply. Under rspack (2.3) the same decisions reach
 * rspack by another route through its hooks (`rspack/apply-rspack.ts`); root's one layer there is `''`.
 */
export class ModspacePlugin implements WebpackPluginInstance {
  readonly options: ResolvedOptions
  #loading: Promise<LoadedGraph> | undefined
  #loaded: LoadedGraph | undefined
  /** Kept across watch rebuilds: webpack reuses unchanged module objects from its cache. */
  readonly #moduleDecisions = new WeakMap<Module, ResolveResult>()

  constructor(options?: ModspacePluginOptions) {
    this.options = validateOptions(options)
  }

  apply(compiler: Compiler): void {
    if (isRspack(compiler)) {
      const refusal = rspackVersionRefusal((compiler as { rspack?: { rspackVersion?: string } }).rspack?.rspackVersion)
      if (refusal) throw refusal
    }
    const logger = compiler.getInfrastructureLogger(PLUGIN)
    compiler.hooks.beforeCompile.tapPromise(PLUGIN, async () => {
      this.#loaded = await this.#load(compiler, (message) => logger.warn(message))
    })
    // Files may have changed: the graph's remembered reads and answers are stale. A changed config is read again.
    compiler.hooks.watchRun.tap(PLUGIN, (watching) => {
      const configFile = this.#loaded?.configFile
      if (configFile && watching.modifiedFiles?.has(configFile)) this.#loading = undefined
      this.#loaded?.graph.clearCache()
    })
    compiler.hooks.invalid.tap(PLUGIN, () => this.#loaded?.graph.clearCache())
    // Each run() is a new build: what the last one read (and which native copies it saw) may no longer hold.
    compiler.hooks.beforeRun.tap(PLUGIN, () => this.#loaded?.graph.clearCache())
    compiler.hooks.compilation.tap(PLUGIN, (compilation) => {
      if (this.#loaded?.configFile) compilation.fileDependencies.add(this.#loaded.configFile)
    })

    const decisionOf = isRspack(compiler) ? this.#applyRspack(compiler, logger) : this.#applyWebpack(compiler)
    const manifestFile = this.options.manifest
    if (manifestFile !== false) {
      compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => emitManifest(compiler, compilation, manifestFile, () => this.#graph(), decisionOf))
    }
  }

  #applyWebpack(compiler: Compiler): (module: Module) => ResolveResult | undefined {
    // Layers are what a space is made of. Older webpack 5 releases keep them behind this flag; newer ones always have them.
    ;(compiler.options.experiments as { layers?: boolean }).layers = true
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation, { normalModuleFactory }) => registerEntryFactory(compiler, compilation, normalModuleFactory))
    compiler.hooks.make.tapPromise(PLUGIN, (compilation) => addSpaceEntries(compiler, compilation, this.#graph()))
    compiler.hooks.compilation.tap(PLUGIN, (compilation, { normalModuleFactory }) => {
      const graph = this.#graph()
      // Read here, not in apply(): webpack fills in its defaults (externalsPresets from target) after user plugins apply.
      const target = this.options.target ?? (compiler.options.externalsPresets.node ? 'node' : 'browser')
      const configFile = this.#loaded?.configFile
      if (configFile) {
        // Every decision depends on the config: a changed config must rebuild each module (webpack's caches would
        // otherwise keep the dependencies of unchanged modules as they were).
        compiler.webpack.NormalModule.getCompilationHooks(compilation).beforeSnapshot.tap(PLUGIN, (module) => {
          module.buildInfo?.fileDependencies?.add(configFile)
        })
      }
      decideModules(compiler, compilation, normalModuleFactory, { graph, target, moduleDecisions: this.#moduleDecisions })
    })
    return (module) => this.#moduleDecisions.get(module)
  }

  #applyRspack(compiler: Compiler, logger: ReturnType<Compiler['getInfrastructureLogger']>): (module: Module) => ResolveResult | undefined {
    return applyRspack(compiler, {
      target: this.options.target,
      graph: () => this.#graph(),
      configFile: () => this.#loaded?.configFile,
      load: () => this.#load(compiler, (message) => logger.warn(message)),
    })
  }

  #load(compiler: Compiler, onWarning: (message: string) => void): Promise<LoadedGraph> {
    if (!this.#loading) {
      const loading = loadSpaceGraph(this.options.config, compiler.context, onWarning)
      // A config that failed to load is read again on the next build (watch mode: the user fixes it).
      loading.catch(() => {
        if (this.#loading === loading) this.#loading = undefined
      })
      this.#loading = loading
    }
    return this.#loading
  }

  #graph(): SpaceGraph {
    if (!this.#loaded) throw new Error(`${PLUGIN}: the modspace graph is not loaded (beforeCompile did not run)`)
    return this.#loaded.graph
  }
}
