// Records what Node 24's own loader does with every runnable test262 test into native-outcomes.json, which the test
// of the space side (test/test262.test.ts) compares against. Run it again after changing the suite, the runner or the
// pinned Node: `npm run test262:record -w @modspace/node-adapter`.
import { execFile } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { listCases, materialize } from './cases.mjs'

const run = promisify(execFile)
if (Number(process.versions.node.split('.')[0]) < 24) {
  process.stderr.write(`Node ${process.version} runs this; the record is Node 24's: run it through npm, whose PATH starts with the repo's pinned node.\n`)
  process.exit(1)
}

const cases = listCases()
const root = materialize(cases)
const driver = fileURLToPath(new URL('./native-driver.mjs', import.meta.url))
const outcomes = {}
let next = 0
async function worker() {
  while (next < cases.length) {
    const testCase = cases[next++]
    const { stdout } = await run(process.execPath, [driver, root, JSON.stringify(testCase)], { timeout: 20_000 }).catch((error) => error)
    outcomes[testCase.name] = stdout?.trim().split('\n').pop() || 'fail:crash'
  }
}
await Promise.all(Array.from({ length: availableParallelism() }, worker))
rmSync(root, { recursive: true, force: true })

const sorted = Object.fromEntries(Object.keys(outcomes).sort().map((name) => [name, outcomes[name]]))
const record = { node: process.version, outcomes: sorted }
writeFileSync(new URL('./native-outcomes.json', import.meta.url), `${JSON.stringify(record, null, 1)}\n`)
const passing = cases.filter((c) => sorted[c.name] === c.expected).length
process.stdout.write(`${cases.length} tests recorded with Node ${process.version}; ${passing} pass as test262 expects\n`)
