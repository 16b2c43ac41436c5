// Imports every built entry of one corpus case in this one Node process and prints what `checkInstances` finds.
// Run as a child process so that the outputs are loaded by Node itself, not by the test runner's module loader.
// argv: case name, then a JSON list of { space, from, file } or { space, from, error }.
import { pathToFileURL } from 'node:url'
import { checkInstances, loadCorpus } from '@modspace/test-utils'

const [name, json] = process.argv.slice(2)
const [c] = loadCorpus((n) => n === name)
const built = JSON.parse(json)
const loaded = new Map()
for (const target of built) {
  const key = `${target.space}\0${target.from}`
  if (target.error) loaded.set(key, { error: target.error })
  else {
    try {
      loaded.set(key, { exports: moduleExports(await import(pathToFileURL(target.file).href)) })
    } catch (error) {
      loaded.set(key, { error })
    }
  }
}
// A CommonJS entry (wrapped by @rollup/plugin-commonjs, its default `strictRequires`) exports `module.exports` as the
// default only; its `exports.x = ...` are what the corpus reads.
function moduleExports(namespace) {
  const cjs = namespace.default
  return cjs !== null && typeof cjs === 'object' ? { ...cjs, ...namespace } : namespace
}

const problems = checkInstances(c, (t) => loaded.get(`${t.space}\0${t.from}`) ?? { error: new Error('not built') })
process.stdout.write(JSON.stringify(problems.map((p) => p.message)))
