import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'
import { listCases, materialize, type Case } from '../test262/cases.mjs'
import { knownDifferences, type KnownDifference } from './test262-known-differences.js'

// The module part of test262 in spaces, compared with what Node 24's own loader does with each test (recorded once in
// test262/native-outcomes.json by `npm run test262:record`). Every test where a space differs must be listed, with the
// reason, in docs/runtime.md; a listed test that no longer differs fails too, so that the list stays true.

const run = promisify(execFile)
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const WORKERS = 2

async function runInSpaces(cases: Case[]): Promise<Record<string, string>> {
  const root = materialize(cases)
  try {
    const chunks = Array.from({ length: WORKERS }, (_, i) => cases.filter((_, j) => j % WORKERS === i))
    const results = await Promise.all(chunks.map(async (chunk, i) => {
      const list = join(root, `cases-${i}.json`)
      writeFileSync(list, JSON.stringify(chunk))
      const { stdout } = await run(process.execPath, [here('../test262/space-driver.mjs'), root, list], { maxBuffer: 1 << 26 })
      return JSON.parse(stdout) as Record<string, string>
    }))
    return Object.assign({}, ...results)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

function summary(cases: Case[], native: Record<string, string>, space: Record<string, string>): string {
  const groups = new Map<string, { total: number; agree: number }>()
  for (const { name } of cases) {
    const group = name.startsWith('expressions/') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!
    const counts = groups.get(group) ?? { total: 0, agree: 0 }
    counts.total++
    if (native[name] === space[name]) counts.agree++
    groups.set(group, counts)
  }
  const agree = cases.filter(({ name }) => native[name] === space[name]).length
  const conform = (outcomes: Record<string, string>) => cases.filter((c) => outcomes[c.name] === c.expected).length
  return [
    `test262 (modules): a space agrees with Node ${String(agree)}/${String(cases.length)} ` +
      `(${((100 * agree) / cases.length).toFixed(1)}%); as test262 expects: Node ${String(conform(native))}, a space ${String(conform(space))}`,
    ...[...groups].map(([group, { total, agree }]) => `  ${group}: ${String(agree)}/${String(total)}`),
  ].join('\n')
}

/** What is wrong with the table: disagreements it does not list, and rows that do not say what happens. */
function tableProblems(cases: Case[], native: Record<string, string>, space: Record<string, string>, rows: KnownDifference[]): string[] {
  const problems: string[] = []
  const used = new Set<KnownDifference>()
  for (const { name } of cases) {
    const row = rows.find((r) => r.matches(name))
    if (row) used.add(row)
    if (native[name] === space[name]) {
      if (row) problems.push(`${name}: listed as known (${row.pattern}) but a space now agrees with Node (${native[name]!}): remove the row`)
    } else if (!row) {
      problems.push(`${name}: Node ${native[name]!}, a space ${space[name]!}, not listed in docs/runtime.md`)
    } else if (row.node !== native[name] || row.space !== space[name]) {
      problems.push(`${name}: Node ${native[name]!}, a space ${space[name]!}, listed (${row.pattern}) as ${row.node} / ${row.space}`)
    }
  }
  for (const row of rows) if (!used.has(row)) problems.push(`${row.pattern}: listed but matches no test`)
  return problems
}

it('runs the module tests of test262 in spaces as Node 24 runs them, but the known differences', async () => {
  const record = JSON.parse(readFileSync(here('../test262/native-outcomes.json'), 'utf8')) as { outcomes: Record<string, string> }
  const cases = listCases()
  expect(Object.keys(record.outcomes).sort()).toEqual(cases.map((c) => c.name))
  const space = await runInSpaces(cases)
  // For a look at what changed: the space's outcomes beside the record's.
  mkdirSync(here('../.tmp'), { recursive: true })
  writeFileSync(here('../.tmp/test262-space-outcomes.json'), `${JSON.stringify(space, null, 1)}\n`)
  console.warn(summary(cases, record.outcomes, space))
  expect(tableProblems(cases, record.outcomes, space, knownDifferences(here('../../../docs/runtime.md')))).toEqual([])
}, 300_000)
