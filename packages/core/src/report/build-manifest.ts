import { relative, sep } from 'node:path'
import type { ModuleKind, PackageInfo } from '../resolve/types.js'

/** One module instance in a build's output. */
export interface ManifestModule {
  space: string
  /** Relative to the config's folder with `/` separators; builtins stay `node:x`. */
  id: string
  kind: ModuleKind
  package?: { name: string; version: string }
}

/**
 * What a build put where, in a form two bundlers can be compared by: sorted by (space, id), paths relative to the
 * config's folder, no bundler-specific ids.
 */
export interface ModspaceManifest {
  manifestVersion: 1
  bundler: string
  modules: ManifestModule[]
}

export interface ManifestInput {
  space: string
  id: string
  kind: ModuleKind
  package?: PackageInfo | undefined
}

export function buildManifest(bundler: string, baseDir: string, modules: Iterable<ManifestInput>): ModspaceManifest {
  const seen = new Map<string, ManifestModule>()
  for (const m of modules) {
    const id = m.id.startsWith('/') ? relative(baseDir, m.id).split(sep).join('/') : m.id
    const entry: ManifestModule = { space: m.space, id, kind: m.kind }
    if (m.package) entry.package = { name: m.package.name, version: m.package.version }
    seen.set(`${m.space}\0${id}`, entry)
  }
  const sorted = [...seen.values()].sort((a, b) => (a.space === b.space ? cmp(a.id, b.id) : cmp(a.space, b.space)))
  return { manifestVersion: 1, bundler, modules: sorted }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
