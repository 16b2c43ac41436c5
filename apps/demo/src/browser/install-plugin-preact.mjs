import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

// npm installs one version of a package per folder it hoists to, so the two Preacts come in as aliases of
// apps/demo (preact-10, preact-11), and each is copied where the plugin's own install would put it:
// plugins/<plugin>/node_modules/preact. The plugin's space finds it there, as it would after `npm install`.
const PLUGIN_PREACT = { classic: 'preact-10', modern: 'preact-11' }
const require = createRequire(import.meta.url)
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))

/** Puts each plugin's Preact in its node_modules (once; a copy of the right version is left alone). */
export function installPluginPreact(browserDir) {
  for (const [plugin, alias] of Object.entries(PLUGIN_PREACT)) {
    const from = dirname(require.resolve(`${alias}/package.json`))
    const { version } = readJson(join(from, 'package.json'))
    const wanted = readJson(join(browserDir, 'plugins', plugin, 'package.json')).dependencies.preact
    if (wanted.replace(/^\^/, '').split('.')[0] !== version.split('.')[0]) {
      throw new Error(`plugins/${plugin} wants preact ${wanted}, but apps/demo's ${alias} is ${version}: update apps/demo/package.json`)
    }
    const to = join(browserDir, 'plugins', plugin, 'node_modules', 'preact')
    if (existsSync(to)) {
      if (existsSync(join(to, 'package.json')) && readJson(join(to, 'package.json')).version === version) continue
      rmSync(to, { recursive: true, force: true })
    }
    // Copied beside, then renamed: two builds starting at once (the story and the browser test) never see half a
    // package, and the one that comes second keeps the first one's copy.
    const partial = `${to}.${process.pid}.partial`
    cpSync(from, partial, { recursive: true, dereference: true })
    try {
      renameSync(partial, to)
    } catch (error) {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error
      rmSync(partial, { recursive: true, force: true })
    }
  }
}
