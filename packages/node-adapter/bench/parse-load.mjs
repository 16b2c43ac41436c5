// One load of a tree in a fresh process, for bench/parse.mjs: `node parse-load.mjs <loader> <tree>` prints JSON
// { ms, files }. loader: native | scan (the adapter as shipped: the scan, rollup's parser where it gives up) | rollup
// | oxc (every module through that parser); the space's compile cache is where MODSPACE_CACHE says.
import { pathToFileURL } from 'node:url'
import { trees } from './parse-trees.mjs'

process.noDeprecation = true
const [loader, treeName] = process.argv.slice(2)
const tree = trees[treeName]

if (loader === 'native') {
  const start = performance.now()
  await import(pathToFileURL(tree.entry).href)
  console.log(JSON.stringify({ ms: performance.now() - start }))
} else {
  // The adapter's own modules are loaded before the clock starts, as bench/load-tree.mjs does; a parser is loaded on
  // the first module it parses, inside the measure.
  const { parseEveryModuleWith, parseWithRollup } = await import('../dist/esm/transform-esm.js')
  if (loader === 'oxc') parseEveryModuleWith((await import('./oxc-parse.mjs')).parseWithOxc)
  else if (loader === 'rollup') parseEveryModuleWith(parseWithRollup)
  const { createSpaces } = await import('../dist/index.js')
  const start = performance.now()
  const spaces = await createSpaces({ spaces: { only: { root: tree.root } } }, { cwd: tree.root })
  const space = spaces.get('only')
  await space.import(pathToFileURL(tree.entry).href)
  const ms = performance.now() - start
  console.log(JSON.stringify({ ms, files: [...space.esmRecords.keys()] }))
}
