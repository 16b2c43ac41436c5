// One measurement in a fresh process: `node load-tree.mjs <loader> <tree>` prints JSON { ms, modules, second? }.
// loader: native | native-cc (with Node's compile cache in $NODE_CC_DIR) | space (its compile cache where MODSPACE_CACHE
// says) | jest (jest-runtime's registry; `second` under isolateModules) | import-fresh; tree: cjs (webpack, every export
// touched) | esm (@sinclair/typebox's ESM build).
import module, { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

process.noDeprecation = true
const [loader, tree] = process.argv.slice(2)
if (loader === 'native-cc') module.enableCompileCache(process.env.NODE_CC_DIR)
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const hostRequire = createRequire(`${repoRoot}package.json`)

/** Loads the tree with `load(specifier, kind)`; touching webpack's lazy exports pulls in its whole library. */
async function loadTree(load) {
  if (tree === 'cjs') {
    const webpack = load('webpack', 'require')
    for (const key of Object.keys(webpack)) void webpack[key]
    return webpack
  }
  return load('@sinclair/typebox', 'import')
}

async function measure(fn) {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

if (loader === 'native' || loader === 'native-cc') {
  const esmEntry = pathToFileURL(hostRequire.resolve('@sinclair/typebox').replace(/cjs\/index\.js$/, 'esm/index.mjs')).href
  const ms = await measure(() => loadTree((specifier, kind) => (kind === 'require' ? hostRequire(specifier) : import(esmEntry))))
  console.log(JSON.stringify({ ms, modules: tree === 'cjs' ? Object.keys(hostRequire.cache).length : undefined }))
} else if (loader === 'jest' && tree === 'esm') {
  // jest-runtime runs ES modules through vm.SourceTextModule, which needs --experimental-vm-modules.
  console.log(JSON.stringify({ unsupported: 'jest-runtime needs --experimental-vm-modules for ESM' }))
} else if (loader === 'jest') {
  const { createJestRuntime } = await import('./jest-runtime-load.mjs')
  const from = `${repoRoot}bench-entry.js`
  const runtime = await createJestRuntime(repoRoot, `${repoRoot}node_modules/${tree === 'cjs' ? 'webpack' : '@sinclair/typebox'}`)
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
  console.log(JSON.stringify({ ms, second, modules }))
}
