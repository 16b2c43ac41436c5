import { basename } from 'node:path'
import type { Compiler } from 'webpack'
import { untagged } from './space-tag.js'

const PLUGIN = 'ModspacePlugin'

/**
 * rspack rebuilds only the modules whose files changed, and keeps the dependencies of the others as they were
 * resolved. The core's answers also depend on package.json files (ranges, installed versions) and on the modspace
 * config, which are no module's own file: when one of them changed, every module of the last build is marked changed
 * too, so that rspack asks about each import again. (webpack's path does this per module, through its caches.)
 */
export function redecideOnChange(compiler: Compiler, configFile: () => string | undefined): void {
  let files: string[] = []
  compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
    compilation.hooks.finishModules.tap(PLUGIN, (modules) => {
      files = []
      for (const module of modules) {
        const resource = (module as { resource?: unknown }).resource
        if (typeof resource === 'string' && resource.startsWith('/')) files.push(untagged(resource))
      }
    })
  })
  compiler.hooks.watchRun.tap(PLUGIN, () => {
    const modified = compiler.modifiedFiles as Set<string> | undefined
    if (!modified) return
    const config = configFile()
    if (![...modified].some((file) => file === config || basename(file) === 'package.json')) return
    for (const file of files) modified.add(file)
  })
}
