import { buildManifest, type ManifestInput, type ModspaceManifest } from '@modspace/core'
import type { OutputBundle, PluginContext } from 'rollup'

/**
 * Every module the output holds, with its owning space, file and package version: each chunk's modules, plus the
 * externals (builtins, native addons) that some included module imports. Ids of other plugins' helper modules
 * (commonjs proxies) are left out: the file they wrap is listed under its own id.
 */
export function outputManifest(ctx: PluginContext, bundle: OutputBundle, resolved: ReadonlyMap<string, ManifestInput>, baseDir: string): ModspaceManifest {
  const included = new Set<string>()
  for (const output of Object.values(bundle)) {
    if (output.type === 'chunk') for (const id of Object.keys(output.modules)) included.add(id)
  }
  const modules: ManifestInput[] = []
  for (const [id, module] of resolved) {
    if (included.has(id)) {
      modules.push(module)
      continue
    }
    const info = ctx.getModuleInfo(id)
    const importers = info?.isExternal ? [...info.importers, ...info.dynamicImporters] : []
    if (importers.some((importer) => included.has(importer))) modules.push(module)
  }
  return buildManifest('rollup', baseDir, modules)
}
