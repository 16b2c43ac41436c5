import { ROOT_SPACE } from '@modspace/core'
import type { ModuleSpace } from '../module-space.js'

/**
 * The space a `require` made for `file` loads through, seen from code running in `space`: `space` itself for one of
 * its own modules; else the space whose root holds the file, as the core decides for an entry (`spaceForFile`).
 * A file no space holds (the host's own files, `/`) stays with `space`: code in a space cannot reach the host's
 * loader by naming a host file, so the space's overrides and blocks hold for it too.
 */
export function ownerSpace(space: ModuleSpace, file: string): ModuleSpace {
  if (file in space.requireCache || space.esmRecords.has(file)) return space
  const name = space.runtime.graph.spaceForFile(file)
  return name === ROOT_SPACE ? space : space.runtime.space(name)
}
