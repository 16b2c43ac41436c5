import type { ResolveResult, SpaceGraph } from '@modspace/core'
import type { Compilation, Compiler, Module, WebpackError } from 'webpack'
import type { AliasOption } from '../user-alias.js'
import { PairingCheck, type IncomingDependency } from './check-pairing.js'
import { DecisionQueue } from './decision-queue.js'
import { decideInExternals } from './decide-in-externals.js'
import { presentEntries } from '../space-entries.js'
import { setUpFirstBuild } from './first-build.js'
import { redecideOnChange } from './redecide-on-change.js'
import { rspackCacheRefusal } from './rspack-refusals.js'
import { rewriteRequest, type RspackResolveData } from './rewrite-requests.js'

const PLUGIN = 'ModspacePlugin'

export interface RspackSetup {
  target: 'node' | 'browser' | undefined
  graph: () => SpaceGraph
  /** The config file, when the config came from one. */
  configFile: () => string | undefined
  /** Loads the graph (once; again after the config changed in watch mode). */
  load: () => Promise<{ graph: SpaceGraph; configFile: string | undefined }>
}

/** rspack's compiler options, as far as this plugin changes them. */
interface RspackOptions {
  cache?: unknown
  externals?: unknown
  externalsPresets: { node?: boolean }
  module: { rules: unknown[] }
  output: { module?: boolean }
  resolve: { alias?: AliasOption }
}

/**
 * Puts the core in charge of an rspack (2.x) build. rspack's hooks cannot do what the webpack path does (docs/webpack.md,
 * "rspack"), so each piece takes another route: the kind of a dependency and the core's decision come from an
 * `externals` function, the file from the `resolve` hook rewriting the request, the layer from generated
 * `module.rules`, and Node's builtins from the plugin instead of `externalsPresets.node`.
 * Returns the manifest's view of a module's decision.
 */
export function applyRspack(compiler: Compiler, setup: RspackSetup): (module: Module) => ResolveResult | undefined {
  const options = compiler.options as unknown as RspackOptions
  const queue = new DecisionQueue()
  const pairing = new PairingCheck()
  const resources = new Map<string, ResolveResult>()
  const externalDecisions = new Map<string, ResolveResult>()
  let nodePreset = false
  let firstBuild: string | undefined

  // After rspack's defaults, before it applies them: `externalsPresets.node` would take an overridden `node:x`
  // before any hook could decide it, so the plugin externalizes the builtins the core decides instead.
  compiler.hooks.afterEnvironment.tap(PLUGIN, () => {
    const refusal = rspackCacheRefusal(options.cache)
    if (refusal) throw refusal
    nodePreset = options.externalsPresets.node === true
    if (nodePreset) options.externalsPresets.node = false
  })
  const target = (): 'node' | 'browser' => setup.target ?? (nodePreset ? 'node' : 'browser')
  const decide = decideInExternals({
    graph: setup.graph,
    target,
    builtins: () => nodePreset,
    esmOutput: () => options.output.module === true,
    context: compiler.context,
    alias: options.resolve.alias,
    queue,
    externalDecisions,
  })
  options.externals = [decide, ...(options.externals === undefined ? [] : Array.isArray(options.externals) ? options.externals : [options.externals])]

  const beforeBuild = async (): Promise<void> => {
    firstBuild = setUpFirstBuild(compiler, (await setup.load()).graph, options.module.rules, firstBuild)
  }
  compiler.hooks.beforeRun.tapPromise(PLUGIN, beforeBuild)
  compiler.hooks.watchRun.tapPromise(PLUGIN, beforeBuild)
  compiler.hooks.make.tap(PLUGIN, (compilation) => void presentEntries(compilation, setup.graph()))
  redecideOnChange(compiler, setup.configFile)

  // Not in `compilation`, which a child compilation (an HTML template, say) runs in the middle of its parent's build.
  compiler.hooks.thisCompilation.tap(PLUGIN, () => {
    queue.clear()
    pairing.clear()
  })
  compiler.hooks.compilation.tap(PLUGIN, (compilation: Compilation, { normalModuleFactory }) => {
    normalModuleFactory.hooks.resolve.tap(PLUGIN, (data) => rewriteRequest(data as unknown as RspackResolveData, queue, resources, pairing))
    compilation.hooks.finishModules.tap(PLUGIN, (modules) => {
      if (pairing.size === 0) return
      for (const module of modules) {
        const resource = (module as { resource?: unknown }).resource
        const error = typeof resource === 'string' ? pairing.check(resource, compilation.moduleGraph.getIncomingConnections(module) as Iterable<IncomingDependency>) : undefined
        if (error) compilation.errors.push(error as unknown as WebpackError)
      }
    })
  })

  return (module) => {
    const resource = (module as { resource?: unknown }).resource
    if (typeof resource === 'string') return resources.get(resource)
    const external = externalRequest(module.identifier())
    return external === undefined ? undefined : externalDecisions.get(external)
  }
}

/** The request of an external module: rspack's ExternalModule gives the written request only, its identifier the external's. */
function externalRequest(identifier: string): string | undefined {
  const quoted = /^external \S+ (".*")$/.exec(identifier)?.[1]
  if (quoted === undefined) return undefined
  try {
    return JSON.parse(quoted) as string
  } catch {
    return undefined
  }
}
