// Which test262 tests run and how: each test's frontmatter read as INTERPRETING.md says, and the tree the tests run
// from (a copy, so that script tests can get their CommonJS twin beside the fixtures they import).
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const suiteRoot = fileURLToPath(new URL('../test/fixtures/test262/', import.meta.url))

/** Features Node 24 does not ship: their tests are skipped, as Node's own test262 runs skip them. */
const UNSHIPPED = new Set(['import-defer', 'source-phase-imports', 'source-phase-imports-module-source', 'import-text', 'import-bytes', 'IsHTMLDDA'])

/**
 * @typedef {object} Case
 * @property {string} name  path under test/language, the key of the record and of the known-differences table
 * @property {string} file  path under the suite root
 * @property {boolean} module  runs as an ES module; otherwise as a script, which a space runs as CommonJS
 * @property {boolean} async  passes when it calls `$DONE()` (fails when it calls `$DONE(error)`)
 * @property {boolean} strict  a script with `onlyStrict`: run with "use strict" put first
 * @property {string[]} includes  harness files after assert.js and sta.js
 * @property {string | undefined} expected  what test262 expects: `pass` or `fail:<ErrorType>`
 */

/** Every runnable test, sorted by name. */
export function listCases() {
  const cases = []
  const language = join(suiteRoot, 'test/language')
  for (const entry of readdirSync(language, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js') || entry.name.includes('_FIXTURE')) continue
    const file = relative(suiteRoot, join(entry.parentPath, entry.name))
    const meta = frontmatter(readFileSync(join(suiteRoot, file), 'utf8'))
    if (meta.features.some((feature) => UNSHIPPED.has(feature))) continue
    if (meta.flags.includes('CanBlockIsTrue') || meta.flags.includes('CanBlockIsFalse')) continue
    cases.push({
      name: relative(language, join(suiteRoot, file)),
      file,
      module: meta.flags.includes('module'),
      async: meta.flags.includes('async'),
      strict: meta.flags.includes('onlyStrict'),
      includes: meta.includes,
      expected: meta.negative ? `fail:${meta.negative}` : 'pass',
    })
  }
  return cases.sort((a, b) => (a.name < b.name ? -1 : 1))
}

/** The frontmatter fields a runner needs (test262's YAML uses only these shapes for them). */
function frontmatter(source) {
  const yaml = /\/\*---([\s\S]*?)---\*\//.exec(source)?.[1] ?? ''
  const list = (key) => {
    const inline = new RegExp(`^${key}:\\s*\\[(.*)\\]`, 'm').exec(yaml)
    if (inline) return inline[1].split(',').map((s) => s.trim()).filter(Boolean)
    const block = new RegExp(`^${key}:\\s*\\n((?:\\s+-.*\\n?)+)`, 'm').exec(yaml)
    return block ? block[1].split('\n').map((s) => s.replace(/^\s*-\s*/, '').trim()).filter(Boolean) : []
  }
  const negative = /^negative:\s*\n(?:\s+.*\n)*?\s+type:\s*(\w+)/m.exec(yaml)?.[1]
  return { flags: list('flags'), includes: list('includes'), features: list('features'), negative }
}

/** The harness a test runs after: assert.js, sta.js and its includes, as one script. */
export function harnessSource(testCase) {
  const files = ['assert.js', 'sta.js', ...testCase.includes]
  return files.map((name) => readFileSync(join(suiteRoot, 'harness', name), 'utf8')).join('\n')
}

/**
 * A copy of the suite to run from: a package.json of `"type": "module"` at its root, and beside every script test its
 * CommonJS twin (`name.js.cjs`), which is what a space runs for a script.
 */
export function materialize(cases) {
  const root = mkdtempSync(join(tmpdir(), 'modspace-test262-'))
  cpSync(suiteRoot, root, { recursive: true })
  writeFileSync(join(root, 'package.json'), '{ "name": "test262-run", "private": true, "type": "module" }\n')
  for (const testCase of cases) {
    if (testCase.module) continue
    const source = readFileSync(join(suiteRoot, testCase.file), 'utf8')
    writeFileSync(join(root, scriptTwin(testCase.file)), testCase.strict ? `"use strict";\n${source}` : source)
  }
  return root
}

export function scriptTwin(file) {
  return `${file}.cjs`
}
