import { join } from 'node:path'
import { ROOT_SPACE, buildManifest, specifierType, type ResolveResult, type SpaceGraph } from '@modspace/core'
import createDebug from 'debug'
import type { Compilation, Compiler, Module, ResolveData, WebpackPluginInstance } from 'webpack'
import { blockedImportError, nativeInBrowserError } from './build-errors.js'
import { manifestInputs } from './collect-manifest.js'
import { loadSpaceGraph, type LoadedGraph } from './load-space-graph.js'
import { factorizeWithoutExternals, nativeExternal } from './native-external.js'
import { validateOptions, type ModspacePluginOptions, type ResolvedOptions } from './options.js'
import { planRequest, type PlannedRequest } from './plan-request.js'
import { addSpaceEntries, spaceEntries } from './space-entries.js'
import { webpackHost } from './webpack-host.js'

const debug = createDebug('modspace:webpack-plugin')
const PLUGIN = 'ModspacePlugin'

/** What modspace decided for one dependency, between webpack's `factorize` and `module` hooks. */
type Decision = { plan: PlannedRequest; result: ResolveResult } | { plan: PlannedRequest; error: unknown }

/**
 * Module spaces for webpack. Each space is a webpack layer: module identity in webpack includes the layer, so the
 * same file owned by two spaces is two modules, and a module owned by `root` is in no layer (one module). Every
 * decision (owner and file) comes from `graph.resolve()` of @modspace/core; webpack's resolver only locates the file
 * core chose, so that loaders, rules and `resource` data still apply.
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
    // Layers are what a space is made of. older webpack 5 releases keep them behind this flag; newer ones always have them.
    ;(compiler.options.experiments as { layers?: boolean }).layers = true
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

    compiler.hooks.make.tapPromise(PLUGIN, (compilation) => addSpaceEntries(compiler, compilation, spaceEntries(this.#graph())))

    compiler.hooks.compilation.tap(PLUGIN, (compilation, { normalModuleFactory }) => {
      const graph = this.#graph()
      // Read here, not in apply(): webpack fills in its defaults (externalsPresets from target) after user plugins apply.
      const target = this.options.target ?? (compiler.options.externalsPresets.node ? 'node' : 'browser')
      const configFile = this.#loaded?.configFile
      if (configFile) {
        compilation.fileDependencies.add(configFile)
        // Every decision depends on the config: a changed config must rebuild each module (webpack's caches would
        // otherwise keep the dependencies of unchanged modules as they were).
        compiler.webpack.NormalModule.getCompilationHooks(compilation).beforeLoaders.tap(PLUGIN, (_loaders, _module, loaderContext) => {
          loaderContext.addDependency(configFile)
        })
      }
      const conditions = target === 'browser' ? ['browser', ...graph.config.conditions.filter((c) => c !== 'node')] : undefined
      const decisions = new WeakMap<ResolveData, Decision>()

      // Before webpack's externals (stage 0), so that an override of a builtin or a package wins over them.
      normalModuleFactory.hooks.factorize.tapAsync({ name: PLUGIN, stage: -100 }, (data, callback) => {
        const plan = planRequest(graph, dependencyFacts(compilation, data), conditions)
        if (!plan) return callback()
        let result: ResolveResult
        try {
          result = graph.resolve(plan.request)
        } catch (error) {
          // An unknown `node:` name is the core's to refuse (webpack's Node externals would take any `node:x`); any
          // other failure is reported only if webpack's externals do not take the request (they need not exist on disk).
          if (plan.request.specifier.startsWith('node:')) return callback(error as Error)
          decisions.set(data, { plan, error })
          return callback()
        }
        decisions.set(data, { plan, result })
        if (plan.request.space !== ROOT_SPACE && specifierType(plan.request.specifier) === 'bare') this.#dependOnRanges(compilation, data)
        if (result.kind === 'blocked') return callback(blockedImportError(plan.request, result))
        if (result.kind === 'native') {
          if (target === 'browser') return callback(nativeInBrowserError(plan.request, result))
          const external = nativeExternal(compiler, result.id, compilation.outputOptions.module === true)
          this.#moduleDecisions.set(external, result)
          return callback(null, external)
        }
        // Externals match the dependency's own request ("node:net"), which an override replaces: skip them.
        if (result.kind === 'override') return factorizeWithoutExternals(normalModuleFactory, data, callback)
        return callback()
      })

      // After externals: from here on webpack only locates the file core chose.
      normalModuleFactory.hooks.resolve.tap({ name: PLUGIN, stage: -100 }, (data) => {
        const decision = decisions.get(data)
        if (!decision) return undefined
        if ('error' in decision) throw decision.error
        const { kind, id } = decision.result
        if (kind === 'file' || kind === 'override') data.request = id + decision.plan.query
        // The core's file ids are real paths with full names: webpack need not look for symlinks or extensions again.
        if (kind === 'file') data.resolveOptions = locateOnly(data.resolveOptions)
        return undefined
      })

      normalModuleFactory.hooks.afterResolve.tap(PLUGIN, (data) => {
        const decision = decisions.get(data)
        if (!decision || !('result' in decision)) return undefined
        const owner = decision.result.space
        const created = data.createData
        if (owner !== ROOT_SPACE) created.layer = owner
        // A root-owned module leaves its importer's space; a layer that is not a space (the user's own) is kept.
        else if (created.layer && graph.spaces.has(created.layer)) created.layer = null as unknown as string
        if (created.resource && !created.resource.startsWith(decision.result.id)) {
          debug('webpack located %s where modspace decided %s (an alias or browser field applied)', created.resource, decision.result.id)
        }
        return undefined
      })

      normalModuleFactory.hooks.module.tap(PLUGIN, (module, _createData, data) => {
        const decision = decisions.get(data)
        if (decision && 'result' in decision) this.#moduleDecisions.set(module, decision.result)
        return module
      })
    })

    const manifestFile = this.options.manifest
    if (manifestFile !== false) {
      compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
        const { ExternalModule } = compiler.webpack
        let rows: ReturnType<typeof manifestInputs> = []
        // Before optimisation: concatenation and tree shaking must not change the list of instances.
        compilation.hooks.finishModules.tap(PLUGIN, (modules) => {
          rows = manifestInputs(modules, this.#moduleDecisions, this.#graph().spaces, (m) => m instanceof ExternalModule)
        })
        compilation.hooks.processAssets.tap({ name: PLUGIN, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
          const manifest = buildManifest('webpack', this.#graph().config.baseDir, rows)
          compilation.emitAsset(manifestFile, new compiler.webpack.sources.RawSource(`${JSON.stringify(manifest, null, 2)}\n`))
        })
      })
    }
  }

  #load(compiler: Compiler, onWarning: (message: string) => void): Promise<LoadedGraph> {
    if (!this.#loading) {
      const loading = loadSpaceGraph(this.options.config, compiler.context, webpackHost(compiler), onWarning)
      // A config that failed to load is read again on the next build (watch mode: the user fixes it).
      loading.catch(() => {
        if (this.#loading === loading) this.#loading = undefined
      })
      this.#loading = loading
    }
    return this.#loading
  }

  /**
   * A space's bare import is decided by package.json ranges and by which copies are installed, which webpack's module
   * caches do not know: the importer's package.json is watched, and the answer is not kept in webpack's unsafe cache
   * (which would reuse it for an unchanged importer without asking again).
   */
  #dependOnRanges(compilation: Compilation, data: ResolveData): void {
    data.cacheable = false
    const dependency = data.dependencies[0]
    const importer = dependency ? compilation.moduleGraph.getParentModule(dependency) : undefined
    const root = importer ? this.#moduleDecisions.get(importer)?.package?.root : undefined
    if (root) data.fileDependencies.add(join(root, 'package.json'))
  }

  #graph(): SpaceGraph {
    if (!this.#loaded) throw new Error(`${PLUGIN}: the modspace graph is not loaded (beforeCompile did not run)`)
    return this.#loaded.graph
  }
}

const locateOnlyOptions = new WeakMap<object, NonNullable<ResolveData['resolveOptions']>>()
const NO_OPTIONS = {}

/** The dependency's resolve options without symlink and extension probing; one object per original, as webpack caches resolvers by identity. */
function locateOnly(options: ResolveData['resolveOptions']): NonNullable<ResolveData['resolveOptions']> {
  const key = options ?? NO_OPTIONS
  let located = locateOnlyOptions.get(key)
  if (!located) locateOnlyOptions.set(key, (located = { ...options, symlinks: false, fullySpecified: true }))
  return located
}

function dependencyFacts(compilation: Compilation, data: ResolveData) {
  const dependency = data.dependencies[0]
  const parent = dependency ? compilation.moduleGraph.getParentModule(dependency) : undefined
  return {
    request: data.request,
    context: data.context,
    issuer: data.contextInfo.issuer,
    issuerLayer: data.contextInfo.issuerLayer,
    category: data.dependencyType,
    issuerIsStrictEsm: parent?.type === 'javascript/esm',
  }
}
