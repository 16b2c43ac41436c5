import { buildManifest, type ManifestInput, type ModspaceManifest } from '@modspace/core'
import type { PluginContext } from 'rollup'

/**
 * Every module instance of the build, with its owning space, file and package version: each module this plugin
 * resolved that the entries reach, imports and dynamic imports followed, externals (builtins, native addons) included.
 *
 * The module graph, not the chunks: a chunk lists only the modules that kept code after tree shaking, which leaves
 * out a module that only re-exports, and the externals that CommonJS files `require` (their importer is a proxy
 * module of @rollup/plugin-commonjs, which holds no code either). webpack's manifest is taken before tree shaking as
 * well, so the two compare line by line. Reached from the entries, not every module Rollup knows: in watch mode a
 * module no longer imported can still be known (loaded while the plugins asked about the old imports again).
 * Other plugins' helper modules (commonjs proxies) are passed through, not listed: the file they wrap is.
 */
export function outputManifest(ctx: Pick<PluginContext, 'getModuleIds' | 'getModuleInfo'>, resolved: ReadonlyMap<string, ManifestInput>, baseDir: string): ModspaceManifest {
  const reached = new Set<string>()
  const pending = [...ctx.getModuleIds()].filter((id) => ctx.getModuleInfo(id)?.isEntry)
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (reached.has(id)) continue
    reached.add(id)
    const info = ctx.getModuleInfo(id)
    if (info) pending.push(...info.importedIds, ...info.dynamicallyImportedIds, ...info.implicitlyLoadedBefore)
  }
  const modules: ManifestInput[] = []
  for (const [id, module] of resolved) if (reached.has(id)) modules.push(module)
  return buildManifest('rollup', baseDir, modules)
}
