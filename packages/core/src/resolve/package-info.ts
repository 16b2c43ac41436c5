import { parentDir } from './specifier.js'
import type { PackageInfo } from './types.js'
import type { MemoHost } from './memo-host.js'

export interface PackageManifest extends PackageInfo {
  data: Record<string, any>
}

/**
 * The package a file belongs to: the nearest package.json **with a name**, so that the `{"type":"module"}` stubs
 * dual packages put in sub-folders are skipped.
 */
export function findPackage(host: MemoHost, fileOrDir: string, isDir = false): PackageManifest | undefined {
  let dir = isDir ? fileOrDir : parentDir(fileOrDir)
  for (;;) {
    const data = host.readPackageJson(dir)
    if (data && typeof data.name === 'string') {
      return { name: data.name, version: typeof data.version === 'string' ? data.version : '0.0.0', root: dir, data }
    }
    const up = parentDir(dir)
    if (up === dir) return undefined
    dir = up
  }
}

export interface DeclaredRange {
  range: string
  field: string
}

/**
 * The range a package declares for a dependency. `devDependencies` count only outside `node_modules` (the user's
 * own packages, whose dev dependencies are installed); an `npm:alias@range` counts as its range.
 */
export function declaredRange(pkg: PackageManifest, dependency: string): DeclaredRange | undefined {
  const fields = ['dependencies', 'peerDependencies', 'optionalDependencies']
  if (!pkg.root.includes('/node_modules/')) fields.push('devDependencies')
  for (const field of fields) {
    const value = pkg.data[field]?.[dependency]
    if (typeof value !== 'string') continue
    const alias = /^npm:(?:@[^/]+\/)?[^@]+@(.+)$/.exec(value)
    return { range: alias ? alias[1]! : value, field }
  }
  return undefined
}

/**
 * Why a package is native, or `undefined` when it is not: it builds an addon (`binding.gyp`, `gypfile: true`) or the
 * config lists it. The reason is shown in traces, so that a surprising owner can be traced back to its cause.
 */
export function nativeReason(host: MemoHost, pkg: PackageManifest, listed: ReadonlySet<string>): string | undefined {
  if (listed.has(pkg.name)) return 'listed in native.packages'
  if (pkg.data.gypfile === true) return '"gypfile": true in its package.json'
  if (host.stat(`${pkg.root}/binding.gyp`)?.isFile === true) return 'it has a binding.gyp'
  return undefined
}
