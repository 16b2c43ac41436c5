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
export function outputManifest(
  ctx: Pick<PluginContext, 'getModuleIds' | 'getModuleInfo'>,
  bundler: string,
  resolved: ReadonlyMap<string, ManifestInput>,
  baseDir: string,
  /** What the plugin says of a module it was not asked about (rolldown resolved it under a hook filter). */
  unasked: (id: string) => ManifestInput | undefined,
): ModspaceManifest {
  const reached = new Set<string>()
  const pending = [...ctx.getModuleIds()].filter((id) => ctx.getModuleInfo(id)?.isEntry)
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (reached.has(id)) continue
    reached.add(id)
    const info = ctx.getModuleInfo(id)
    // rolldown's module info has no `implicitlyLoadedBefore` (nor the `emitFile` option that fills it).
    if (info) pending.push(...info.importedIds, ...info.dynamicallyImportedIds, ...(info.implicitlyLoadedBefore ?? []))
  }
  const modules: ManifestInput[] = []
  for (const id of reached) {
    const module = resolved.get(id) ?? unasked(id)
    if (module) modules.push(module)
  }
  return buildManifest(bundler, baseDir, modules)
}
