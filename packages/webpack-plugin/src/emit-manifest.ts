import { buildManifest, type ResolveResult, type SpaceGraph } from '@modspace/core'
import type { Compilation, Compiler, Module } from 'webpack'
import { manifestInputs } from './collect-manifest.js'

/**
 * Emits the manifest asset `name` for a compilation: every module instance, listed when modules are finished (before
 * concatenation and tree shaking, which must not change the list), written with the other reports.
 */
export function emitManifest(compiler: Compiler, compilation: Compilation, name: string, graph: () => SpaceGraph, decisionOf: (module: Module) => ResolveResult | undefined): void {
  const { ExternalModule, Compilation: CompilationClass, sources } = compiler.webpack
  let rows: ReturnType<typeof manifestInputs> = []
  compilation.hooks.finishModules.tap('ModspacePlugin', (modules) => {
    rows = manifestInputs(modules, decisionOf, graph().spaces, (m) => m instanceof ExternalModule)
  })
  compilation.hooks.processAssets.tap({ name: 'ModspacePlugin', stage: CompilationClass.PROCESS_ASSETS_STAGE_REPORT }, () => {
    const manifest = buildManifest('rspack' in compiler ? 'rspack' : 'webpack', graph().config.baseDir, rows)
    compilation.emitAsset(name, new sources.RawSource(`${JSON.stringify(manifest, null, 2)}\n`))
  })
}
