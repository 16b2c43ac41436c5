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
    if (!existsSync(manifest) || !JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test) continue
    const report = join(repo, group, name, '.tmp/vitest.json')
    if (!existsSync(report)) {
      missing.push(`${group}/${name}`)
      continue
    }
    const data = JSON.parse(readFileSync(report, 'utf8'))
    passed += data.numPassedTests ?? 0
    // A file that failed before running any test (a syntax error) counts once; otherwise count the tests.
    failed += data.numFailedTests || data.numFailedTestSuites || 0
    skipped += (data.numPendingTests ?? 0) + (data.numTodoTests ?? 0)
  }
}
if (missing.length) console.log(`no test report from: ${missing.join(', ')}`)
console.log(`tests: ${passed} passed, ${failed + missing.length} failed, ${skipped} skipped`)
process.exitCode = failed + missing.length > 0 ? 1 : 0
