import { ROOT_SPACE, builtinId, type ManifestInput, type ResolveResult } from '@modspace/core'
import type { Module } from 'webpack'

/**
 * The manifest rows for a compilation's modules: core's decision where modspace made one, else what the module says
 * about itself (a module restored from webpack's persistent cache, or one reached through a loader request).
 * Builtins appear as `node:x` owned by root, as core decides them, though webpack's externals create their modules.
 */
export function manifestInputs(modules: Iterable<Module>, decisionOf: (module: Module) => ResolveResult | undefined, spaces: ReadonlyMap<string, unknown>, isExternal: (module: Module) => boolean): ManifestInput[] {
  const rows: ManifestInput[] = []
  for (const module of modules) {
    const decided = decisionOf(module)
    if (decided) {
      rows.push({ space: decided.space, id: decided.id, kind: decided.kind, package: decided.package })
      continue
    }
    const resource = (module as { resource?: unknown }).resource
    if (typeof resource === 'string' && resource.startsWith('/')) {
      const layer = module.layer
      const space = layer && spaces.has(layer) ? layer : ROOT_SPACE
      rows.push({ space, id: resource.replace(/\?.*$/, ''), kind: 'file' })
      continue
    }
    const userRequest = (module as { userRequest?: unknown }).userRequest
    const builtin = isExternal(module) && typeof userRequest === 'string' ? builtinId(userRequest) : undefined
    if (builtin) rows.push({ space: ROOT_SPACE, id: builtin, kind: 'builtin' })
  }
  return rows
}
