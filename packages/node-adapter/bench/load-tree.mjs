// One measurement in a fresh process: `node load-tree.mjs <loader> <tree>` prints JSON { ms, cpu, modules, second? }.
// loader: native | native-cc (with Node's compile cache in $NODE_CC_DIR) | space (its compile cache where MODSPACE_CACHE
// says) | jest (jest-runtime's registry; `second` under isolateModules) | import-fresh; tree: a key of TREES (trees.mjs).
import module, { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { TREES } from './trees.mjs'

process.noDeprecation = true
const [loader, treeName] = process.argv.slice(2)
const tree = TREES[treeName]
if (!tree) throw new Error(`no tree "${treeName}"`)
if (loader === 'native-cc') module.enableCompileCache(process.env.NODE_CC_DIR)
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const hostRequire = createRequire(`${repoRoot}package.json`)

/** Loads the tree with `load(specifier, kind)`, then does what its users do first (webpack: touch every export). */
async function loadTree(load) {
  const exports = await load(tree.specifier, tree.kind)
  tree.after?.(exports)
  return exports
}

/** CPU time (user + system, all threads) of the first measure: steadier than wall time on a busy shared machine. */
let cpu

async function measure(fn) {
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  await fn()
  const ms = performance.now() - start
  if (cpu === undefined) {
    const { user, system } = process.cpuUsage(cpuStart)
    cpu = (user + system) / 1000
  }
  return ms
}

if (loader === 'native' || loader === 'native-cc') {
  // A bare import() from here finds the same node_modules as the spaces below, whose root is the repo's.
  const ms = await measure(() => loadTree((specifier, kind) => (kind === 'require' ? hostRequire(specifier) : import(specifier))))
  console.log(JSON.stringify({ ms, cpu, modules: tree.kind === 'require' ? Object.keys(hostRequire.cache).length : undefined }))
} else if (loader === 'jest' && tree.kind === 'import') {
  // jest-runtime runs ES modules through vm.SourceTextModule, which needs --experimental-vm-modules.
  console.log(JSON.stringify({ unsupported: 'jest-runtime needs --experimental-vm-modules for ESM' }))
} else if (loader === 'jest') {
  const { createJestRuntime } = await import('./jest-runtime-load.mjs')
  const from = `${repoRoot}bench-entry.js`
  const runtime = await createJestRuntime(repoRoot, `${repoRoot}node_modules/${tree.specifier}`)
  const load = (specifier) => runtime.requireModule(from, specifier)
  const ms = await measure(() => loadTree(load))
  const second = await measure(() => runtime.isolateModulesAsync(() => loadTree(load)))
  console.log(JSON.stringify({ ms, second }))
} else if (loader === 'import-fresh') {
  const importFresh = hostRequire('import-fresh')
  const ms = await measure(() => loadTree((specifier) => importFresh(hostRequire.resolve(specifier))))
  const second = await measure(() => loadTree((specifier) => importFresh(hostRequire.resolve(specifier))))
  console.log(JSON.stringify({ ms, second }))
} else {
  // Two sibling spaces over the repo's own node_modules, self-first: each owns its instance of every package.
  const { createSpaces } = await import('../dist/index.js')
  const space = { root: repoRoot, delegation: 'self-first' }
  const spaceLoad = (space) => (specifier, kind) => (kind === 'require' ? space.require(specifier) : space.import(specifier))
  let spaces
  const ms = await measure(async () => {
    spaces = await createSpaces({ spaces: { first: space, second: space } }, { cwd: repoRoot })
    await loadTree(spaceLoad(spaces.get('first')))
  })
  const first = spaces.get('first')
  const modules = Object.keys(first.requireCache).length + first.esmRecords.size
  const second = await measure(() => loadTree(spaceLoad(spaces.get('second'))))
  console.log(JSON.stringify({ ms, cpu, second, modules }))
}
