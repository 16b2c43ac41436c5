import { relative } from 'node:path'
import type { Compilation, Module } from 'webpack'

/**
 * How the build reached `importer`: entry first, then each module's issuer down to it, as `file (space x)` lines, the
 * plain relative path for `root`'s modules (a module in no layer, or in a layer of the user's own), as the Rollup
 * plugin writes them. The issuer is the module that first imported it: the chain is the one webpack followed.
 */
export function importerChain(compilation: Compilation, importer: Module | undefined, spaces: ReadonlyMap<string, unknown>): string[] {
  const chain: string[] = []
  const seen = new Set<Module>()
  for (let module = importer; module && !seen.has(module); module = compilation.moduleGraph.getIssuer(module) ?? undefined) {
    seen.add(module)
    const file = module.nameForCondition() ?? module.identifier()
    const path = file.startsWith('/') ? relative(compilation.compiler.context, file) : file
    chain.unshift(module.layer && spaces.has(module.layer) ? `${path} (space ${module.layer})` : path)
  }
  return chain
}
