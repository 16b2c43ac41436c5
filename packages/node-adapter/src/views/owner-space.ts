import { ROOT_SPACE } from '@modspace/core'
import type { ModuleSpace } from '../module-space.js'

/**
 * The space a `require` made for `file` loads through, seen from code running in `space`: `space` itself for one of
 * its own modules; else the space whose root holds the file, as the core decides for an entry (`spaceForFile`), or
 * `space` when that root is its own.
 * A file no space holds (the host's own files, `/`) stays with `space`: code in a space cannot reach the host's
 * loader by naming a host file, so the space's overrides and blocks hold for it too.
 */
export function ownerSpace(space: ModuleSpace, file: string): ModuleSpace {
  if (file in space.requireCache || space.esmRecords.has(file)) return space
  const name = space.runtime.graph.spaceForFile(file)
  if (name === ROOT_SPACE) return space
  const found = space.runtime.space(name)
  // Two spaces on one root (twins of one plugin): the file is the caller's as much as the other's.
  return found.root === space.root ? space : found
}
