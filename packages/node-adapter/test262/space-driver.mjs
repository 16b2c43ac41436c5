// Runs test262 tests in spaces (a fresh space per test, in one process) and prints their outcomes as JSON. Used by
// test/test262.test.ts, which runs a few of these processes side by side: argv is the materialized suite and a file
// listing the cases.
import { readFileSync } from 'node:fs'
import { ModuleSpace } from '../dist/index.js'
import { guardRealm } from './realm-guard.mjs'
import { runCase } from './run-case.mjs'

const [root, casesFile] = process.argv.slice(2)
const outcomes = {}
const restoreRealm = guardRealm()
for (const testCase of JSON.parse(readFileSync(casesFile, 'utf8'))) {
  const space = new ModuleSpace({ root })
  try {
    outcomes[testCase.name] = await runCase(testCase, root, (file, module) => (module ? space.import(file) : space.require(file)))
  } finally {
    await space.dispose().catch(() => {})
    restoreRealm()
  }
}
process.stdout.write(JSON.stringify(outcomes))
process.exit(0)
