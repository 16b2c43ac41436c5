// Adds up the vitest JSON reports every package's `test` task leaves in .tmp/vitest.json (turbo restores them on a
// cache hit) and prints one closing line, so that a log reader sees the whole run's count at the end.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = fileURLToPath(new URL('..', import.meta.url))
let passed = 0
let failed = 0
let skipped = 0
const missing = []
for (const group of ['packages', 'apps']) {
  if (!existsSync(join(repo, group))) continue
  for (const name of readdirSync(join(repo, group))) {
    const manifest = join(repo, group, name, 'package.json')
    if (!existsSync(manifest)) continue
    const scripts = JSON.parse(readFileSync(manifest, 'utf8')).scripts ?? {}
    // `test` on the repo's Node; `test:floor`, the public-behaviour tests again on the oldest Node supported.
    for (const [task, file] of [['test', 'vitest.json'], ['test:floor', 'vitest-floor.json']]) {
      if (scripts[task]) add(`${group}/${name}`, task, join(repo, group, name, '.tmp', file))
    }
  }
}

function add(where, task, report) {
  if (!existsSync(report)) {
    // test:floor writes no report where it is skipped (another platform); it said why in its own output.
    if (task === 'test:floor' && `${process.platform}-${process.arch}` !== 'linux-x64') return
    missing.push(`${where} (${task})`)
    return
  }
  const data = JSON.parse(readFileSync(report, 'utf8'))
  passed += data.numPassedTests ?? 0
  // A file that failed before running any test (a syntax error) counts once; otherwise count the tests.
  failed += data.numFailedTests || data.numFailedTestSuites || 0
  skipped += (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0)
}
if (missing.length) console.log(`no test report from: ${missing.join(', ')}`)
console.log(`tests: ${passed} passed, ${failed + missing.length} failed, ${skipped} skipped`)
process.exitCode = failed + missing.length > 0 ? 1 : 0
