import { relative } from 'node:path'
import type { PluginContext } from 'rollup'
import { parseSpaceId } from './space-id.js'

/**
 * How the build reached `importer`: entry first, then each first importer down to it, as `file (space)` lines.
 * Rollup records importers as it parses, so the chain is the one that was actually followed.
 */
export function importerChain(ctx: PluginContext, importer: string, cwd: string): string[] {
  const chain: string[] = []
  const seen = new Set<string>()
  let id: string | undefined = importer
  while (id !== undefined && !seen.has(id)) {
    seen.add(id)
    chain.unshift(describeId(id, cwd))
    id = ctx.getModuleInfo(id)?.importers[0]
  }
  return chain
}

/** `plugins/a/index.mjs (space a)`, or the plain relative path for `root`'s modules. */
export function describeId(id: string, cwd: string): string {
  const { file, space } = parseSpaceId(id)
  const path = file.startsWith('/') ? relative(cwd, file) : file
  return space === undefined ? path : `${path} (space ${space})`
}
