// Runs one case of the corpus with plain Node: `node reference.mjs <specifier> <import|require>` prints, as JSON,
// what the operation gave through that door and every file of a package that Node loaded (a synchronous loader hook
// sees both loaders). Run in a child process, so that the test process's own require.cache stays clean.
import { createRequire, registerHooks } from 'node:module'
import { fileURLToPath } from 'node:url'
import { cases, shapeOf } from '../cases.ts'

const files = new Set()
registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith('file:') && url.includes('/node_modules/')) files.add(fileURLToPath(url))
    return nextLoad(url, context)
  },
})

const [specifier, door] = process.argv.slice(2)
const item = cases.find((c) => c.specifier === specifier)
if (!item) throw new Error(`no case for ${specifier}`)
const load =
  door === 'import'
    ? (await import('../fixtures/loaders/load.mjs')).load
    : async (s) => createRequire(import.meta.url)('../fixtures/loaders/load.cjs')(s)

let result
try {
  const mod = await load(specifier)
  result = { shape: shapeOf(mod), value: JSON.parse(JSON.stringify((await item.run(mod, load)) ?? null)) }
} catch (error) {
  result = { error: `${error?.code ?? error?.name}: ${error?.message}` }
}
process.stdout.write(JSON.stringify({ ...result, files: [...files].sort() }))
