// Loads a build of the app (main, plugin-a/main, plugin-b/main) in this one Node process and prints the instance
// facts the tests compare: which version each entry got, and which tokens are the same object.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const dir = process.argv[2]
const load = (name) => import(pathToFileURL(join(dir, `${name}.js`)).href)
const [main, a, b] = await Promise.all([load('main'), load('plugin-a/main'), load('plugin-b/main')])
const lazy = await a.loadLazy()
process.stdout.write(JSON.stringify({
  versions: { root: main.dep.version, a: a.dep.version, b: b.dep.version },
  depOnePerSpace: a.dep.token !== b.dep.token && a.dep.token !== main.dep.token,
  sharedOnce: a.shared.token === main.shared.token && b.shared.token === main.shared.token,
  lazyKeepsSpace: lazy.dep.token === a.dep.token,
  requireInSpace: a.legacy.dep.token === a.dep.token,
  requireBuild: a.legacy.dual.build,
  addonLoads: globalThis.__gypAddonLoads,
}))
