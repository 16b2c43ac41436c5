import { readFileSync } from 'node:fs'
import { relative, sep } from 'node:path'
import { ErrorCodes, ModspaceError } from '../errors.js'
import type { ModspaceManifest } from './build-manifest.js'
import type { ResolveResult } from '../resolve/types.js'

/** Reads a manifest a bundler plugin wrote, checking its shape. */
export function readManifest(file: string): ModspaceManifest {
  let data: any
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch (cause) {
    throw new ModspaceError(ErrorCodes.CONFIG_LOAD_FAILED, `cannot read the manifest: ${(cause as Error).message}`, {
      file,
      cause,
      expected: 'the modspace-manifest.json a bundler plugin wrote',
      fix: 'build with @modspace/rollup-plugin or @modspace/webpack-plugin (manifest option not false), then pass its path',
    })
  }
  if (data?.manifestVersion !== 1 || !Array.isArray(data.modules)) {
    throw new ModspaceError(ErrorCodes.CONFIG_INVALID, 'this file is not a modspace manifest (version 1).', {
      file,
      expected: '{ "manifestVersion": 1, "bundler": ..., "modules": [...] }',
      fix: 'pass the modspace-manifest.json from a build output folder',
    })
  }
  return data as ModspaceManifest
}

/** Whether a resolved module is in a build, as the manifest records it (ids there are relative to `baseDir`). */
export function findInManifest(manifest: ModspaceManifest, baseDir: string, result: ResolveResult): boolean {
  const id = result.id.startsWith('/') ? relative(baseDir, result.id).split(sep).join('/') : result.id
  return manifest.modules.some((m) => m.space === result.space && m.id === id)
}

/** The manifest as text: modules grouped by owning space. */
export function formatManifest(manifest: ModspaceManifest, onlySpace?: string): string {
  const bySpace = new Map<string, string[]>()
  for (const m of manifest.modules) {
    if (onlySpace && m.space !== onlySpace) continue
    const list = bySpace.get(m.space) ?? []
    list.push(`  ${m.kind.padEnd(8)} ${m.id}${m.package ? `  (${m.package.name}@${m.package.version})` : ''}`)
    bySpace.set(m.space, list)
  }
  const lines = [`${manifest.bundler}: ${manifest.modules.length} module instance(s)`]
  for (const [space, list] of bySpace) lines.push(`${space} (${list.length})`, ...list)
  return lines.join('\n')
}
