import { join } from 'node:path'
import {
  ErrorCodes,
  ROOT_SPACE,
  blockedImportError,
  isModspaceError,
  nativeInBrowserError,
  specifierType,
  type ResolveResult,
  type SpaceGraph,
} from '@modspace/core'
import createDebug from 'debug'
import type { Compilation, Compiler, Module, ResolveData } from 'webpack'
import { bundleConditions } from './bundle-conditions.js'
import { factorizeWithoutExternals, type NormalModuleFactory } from './factorize-without-externals.js'
import { importerChain } from './importer-chain.js'
import { nativeExternal } from './native-external.js'
import { planRequest, type DependencyFacts, type PlannedRequest } from './plan-request.js'
import { matchesAlias } from './user-alias.js'
import { locateWithWebpack } from './webpack-locate.js'

const debug = createDebug('modspace:webpack-plugin')
const PLUGIN = 'ModspacePlugin'

/** What modspace decided for one dependency, between webpack's `factorize` and `module` hooks. */
type Decision =
  | { plan: PlannedRequest; result: ResolveResult }
  | { plan: PlannedRequest; error: unknown }
  // A `resolve.alias` of the user's: webpack resolves it, then the core is asked about the file it found.
  | { plan: PlannedRequest; aliased: true }

export interface DecideOptions {
  graph: SpaceGraph
  target: 'node' | 'browser'
  /** Every module's decision, kept across watch rebuilds (webpack reuses unchanged module objects). */
  moduleDecisions: WeakMap<Module, ResolveResult>
}

/**
 * Puts the core in charge of one compilation's modules: for each dependency the core decides the owner and the file,
 * webpack's resolver locates that file, and the module is created in the owner's layer (none for `root`). For the
 * user's `resolve.alias` keys, and for paths only the build's `resolve.extensions` complete, webpack finds the file
 * first and the core decides about that file.
 */
export function decideModules(compiler: Compiler, compilation: Compilation, factory: NormalModuleFactory, options: DecideOptions): void {
  const { graph, target, moduleDecisions } = options
  const conditions = bundleConditions(graph, target)
  const decisions = new WeakMap<ResolveData, Decision>()

  // Before webpack's externals (stage 0), so that an override of a builtin or a package wins over them.
  factory.hooks.factorize.tapAsync({ name: PLUGIN, stage: -100 }, (data, callback) => {
    const plan = planRequest(graph, dependencyFacts(compilation, data), conditions)
    if (!plan) return callback()
    if (specifierType(plan.request.specifier) === 'bare' && matchesAlias(plan.request.specifier, compiler.options.resolve.alias, data.resolveOptions?.alias)) {
      decisions.set(data, { plan, aliased: true })
      return callback()
    }
    let result: ResolveResult
    try {
      result = graph.resolve(plan.request)
    } catch (error) {
      // An unknown `node:` name is the core's to refuse (webpack's Node externals would take any `node:x`).
      if (plan.request.specifier.startsWith('node:')) return callback(error as Error)
      // A path Node's rules do not complete (`./util` for util.ts) may be one the build's `resolve.extensions` do: the
      // file webpack finds is then asked of the core, which owns it by the same rule as any path.
      if (isModspaceError(error) && error.code === ErrorCodes.NOT_FOUND && /^(relative|absolute)$/.test(specifierType(plan.request.specifier))) {
        void locateWithWebpack(factory, data).then((found) => {
          let located: ResolveResult | undefined
          try {
            located = found === undefined ? undefined : graph.resolve({ ...plan.request, specifier: found })
          } catch (failure) {
            return callback(failure as Error)
          }
          return located ? apply(plan, located) : defer(plan, error)
        })
        return
      }
      return defer(plan, error)
    }
    apply(plan, result)

    // Reported only if webpack's externals do not take the request (an external need not exist on disk).
    function defer(plan: PlannedRequest, error: unknown): void {
      decisions.set(data, { plan, error })
      callback()
    }

    function apply(plan: PlannedRequest, result: ResolveResult): void {
      decisions.set(data, { plan, result })
      if (plan.request.space !== ROOT_SPACE && specifierType(plan.request.specifier) === 'bare') dependOnRanges(compilation, data, moduleDecisions)
      if (result.kind === 'blocked') return callback(blockedImportError(plan.request, result))
      if (result.kind === 'native') {
        if (target === 'browser') return callback(nativeInBrowserError(plan.request, result, importerChain(compilation, parentModule(compilation, data), graph.spaces)))
        const external = nativeExternal(compiler, result.id, compilation.outputOptions.module === true)
        moduleDecisions.set(external, result)
        return callback(null, external)
      }
      // Externals match the dependency's own request ("node:net"), which an override replaces: skip them.
      if (result.kind === 'override') return factorizeWithoutExternals(factory, data, callback)
      callback()
    }
  })

  // After externals: from here on webpack only locates the file the core chose.
  factory.hooks.resolve.tap({ name: PLUGIN, stage: -100 }, (data) => {
    const decision = decisions.get(data)
    if (!decision || 'aliased' in decision) return undefined
    if ('error' in decision) throw decision.error
    const { kind, id } = decision.result
    if (kind === 'file' || kind === 'override') data.request = id + decision.plan.query
    // The core's file ids are real paths with full names: webpack need not look for symlinks or extensions again.
    if (kind === 'file') data.resolveOptions = locateOnly(data.resolveOptions)
    return undefined
  })

  factory.hooks.afterResolve.tap(PLUGIN, (data) => {
    let decision = decisions.get(data)
    const created = data.createData
    if (decision && 'aliased' in decision && created.resource) {
      // The aliased file, as an absolute path: owned by the importer's space (or pinned, if native), as the core says.
      const file = created.resource.replace(/\?.*$/, '')
      decision = { plan: decision.plan, result: graph.resolve({ ...decision.plan.request, specifier: file }) }
      decisions.set(data, decision)
    }
    if (!decision || !('result' in decision)) return undefined
    const owner = decision.result.space
    if (owner !== ROOT_SPACE) created.layer = owner
    // A root-owned module leaves its importer's space; a layer that is not a space (the user's own) is kept.
    else if (created.layer && graph.spaces.has(created.layer)) created.layer = null as unknown as string
    if (created.resource && !created.resource.startsWith(decision.result.id)) {
      debug('webpack located %s where modspace decided %s (an alias or browser field applied)', created.resource, decision.result.id)
    }
    return undefined
  })

  factory.hooks.module.tap(PLUGIN, (module, _createData, data) => {
    const decision = decisions.get(data)
    if (decision && 'result' in decision) moduleDecisions.set(module, decision.result)
    return module
  })
}

/**
 * A space's bare import is decided by package.json ranges and by which copies are installed, which webpack's module
 * caches do not know: the importer's package.json is watched, and the answer is not kept in webpack's unsafe cache
 * (which would reuse it for an unchanged importer without asking again).
 */
function dependOnRanges(compilation: Compilation, data: ResolveData, moduleDecisions: WeakMap<Module, ResolveResult>): void {
  data.cacheable = false
  const importer = parentModule(compilation, data)
  const root = importer ? moduleDecisions.get(importer)?.package?.root : undefined
  if (root) data.fileDependencies.add(join(root, 'package.json'))
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

function parentModule(compilation: Compilation, data: ResolveData): Module | undefined {
  const dependency = data.dependencies[0]
  return (dependency && compilation.moduleGraph.getParentModule(dependency)) || undefined
}

/**
 * The dependency's category. Older webpack 5 releases (5.90 among them) left it `unknown` for CommonJS dependencies such as
 * `exports.x = require('x')` (webpack 5.90: "cjs full require"); their `type` still says which kind they are.
 */
function categoryOf(data: ResolveData): string {
  if (data.dependencyType && data.dependencyType !== 'unknown') return data.dependencyType
  const type = data.dependencies[0]?.type ?? ''
  if (/\bcjs\b|require/.test(type)) return 'commonjs'
  if (/harmony|import|\besm\b/.test(type)) return 'esm'
  return data.dependencyType
}

function dependencyFacts(compilation: Compilation, data: ResolveData): DependencyFacts {
  return {
    request: data.request,
    context: data.context,
    issuer: data.contextInfo.issuer,
    issuerLayer: data.contextInfo.issuerLayer,
    category: categoryOf(data),
    issuerIsStrictEsm: parentModule(compilation, data)?.type === 'javascript/esm',
  }
}
