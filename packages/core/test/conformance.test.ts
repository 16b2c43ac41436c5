import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareResolution, isExpectedError, loadCorpus, type CorpusCase, type CorpusRequest, type ExpectedResult } from '@modspace/test-utils'
import { createGraph, ModspaceError, specifierType, type ModspaceConfig, type ResolveRequest, type SpaceGraph } from '../src/index.js'

// The conformance corpus (conformance/cases) through the core's resolve(): the answers every adapter must apply.

function readConfig(c: CorpusCase): ModspaceConfig {
  return JSON.parse(readFileSync(c.configFile, 'utf8'))
}

function graphFor(c: CorpusCase, warnings: string[] = []): SpaceGraph {
  return createGraph(readConfig(c), { cwd: c.dir, configFile: c.configFile, onWarning: (message) => warnings.push(message) })
}

function requestFor(c: CorpusCase, row: CorpusRequest): ResolveRequest {
  return { space: row.space, specifier: row.specifier, kind: row.kind ?? 'import', ...(row.from ? { importer: join(c.dir, row.from) } : {}) }
}

function caught(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error
  }
  return undefined
}

/**
 * A fresh graph that has already answered the rows before `index`, in order, as an adapter loading the case would:
 * what an answer is can depend on what came first (a native conflict), and each row must hold when run alone.
 */
function graphAfter(c: CorpusCase, index: number, warnings: string[] = []): SpaceGraph {
  const graph = graphFor(c, warnings)
  for (const row of c.requests.slice(0, index)) caught(() => graph.resolve(requestFor(c, row)))
  return graph
}

function label(row: CorpusRequest): string {
  const expect = isExpectedError(row.expect) ? row.expect.error : `${row.expect.kind} ${row.expect.id} in "${row.expect.space}"`
  return `"${row.space}" ${row.kind ?? 'import'}s "${row.specifier}" from ${row.from ?? '(its root)'} → ${expect}`
}

function failing(row: CorpusRequest): boolean {
  return isExpectedError(row.expect) || row.expect.kind === 'blocked'
}

/**
 * Authoring mistakes the core cannot see but an adapter loading the case would trip over: an importer or expected file
 * that is missing, an importer that does not import or export what its rows say, an ESM importer asked with `require`,
 * rows expected to fail mixed with rows expected to load in one importer.
 */
function corpusProblems(c: CorpusCase): string[] {
  const problems: string[] = []
  const byFrom = new Map<string, CorpusRequest[]>()
  for (const row of c.requests) {
    if (!row.from) continue
    byFrom.set(row.from, [...(byFrom.get(row.from) ?? []), row])
    const expected = row.expect
    if (!isExpectedError(expected) && expected.kind !== 'builtin' && expected.kind !== 'blocked' && !existsSync(join(c.dir, expected.id))) {
      problems.push(`the expected file ${expected.id} does not exist`)
    }
    if ((row.from.endsWith('.mjs') && row.kind === 'require') || (row.from.endsWith('.cjs') && row.kind !== 'require')) {
      problems.push(`${row.from} is asked for "${row.specifier}" with kind ${row.kind ?? 'import'}, which its format cannot do`)
    }
  }
  for (const [from, rows] of byFrom) {
    const file = join(c.dir, from)
    if (!existsSync(file)) {
      problems.push(`the importer ${from} does not exist`)
      continue
    }
    const text = readFileSync(file, 'utf8')
    for (const row of rows) {
      if (!text.includes(`'${row.specifier}'`)) problems.push(`${from} never imports '${row.specifier}'`)
      const reexports = [`export * as ${row.load} from '${row.specifier}'`, `exports.${row.load} = require('${row.specifier}')`]
      if (row.load && !reexports.some((line) => text.includes(line))) problems.push(`${from} does not re-export '${row.specifier}' as "${row.load}"`)
    }
    const loads = rows.some((r) => r.load)
    const fail = rows.filter(failing).length
    if (loads && fail > 0 && fail < rows.length) problems.push(`${from} mixes rows expected to fail with rows expected to load`)
  }
  return problems
}

function checkError(c: CorpusCase, graph: SpaceGraph, row: CorpusRequest, code: string): void {
  const error = caught(() => graph.resolve(requestFor(c, row)))
  expect(error, `expected ${code}`).toBeInstanceOf(ModspaceError)
  const e = error as ModspaceError
  expect(e.code, e.message).toBe(code)
  expect(e.space).toBe(row.space)
  expect(e.fix, 'every refusal says what to do').toBeTruthy()
  // explain() never throws a ModspaceError: it shows the refusal with its trace.
  expect(graph.explain(requestFor(c, row))).toContain(code)
  if (row.from) expect(e.importer).toBe(join(c.dir, row.from))
  if (code === 'MODSPACE_NOT_FOUND' && specifierType(row.specifier) === 'bare') {
    // The specifier asked for and the places searched are named (which ones depends on the rule: a shared package is
    // looked for in the parent only, an override's target in the space that declared it).
    expect(e.message).toContain(`"${row.specifier}"`)
    expect(e.message).toMatch(/searched:[\s\S]*\/node_modules\//)
  }
}

function checkAnswer(c: CorpusCase, graph: SpaceGraph, row: CorpusRequest): void {
  const result = graph.resolve(requestFor(c, row))
  expect(compareResolution(c, row, result)).toBeUndefined()
  // The why is part of the answer: every decision leaves a readable step.
  expect(result.trace.length).toBeGreaterThan(0)
  for (const step of result.trace) expect(step.message).toMatch(/^(?!.*(undefined|\[object |NaN)).{12,}$/)
  const expected = row.expect as ExpectedResult
  const id = expected.kind === 'builtin' || expected.kind === 'blocked' ? expected.id : join(c.dir, expected.id)
  // The package is the one the file belongs to.
  if (expected.kind !== 'builtin' && expected.kind !== 'blocked' && result.package) {
    expect(id.startsWith(`${result.package.root}/`), `${id} is not inside ${result.package.root}`).toBe(true)
  }
  const explanation = graph.explain(requestFor(c, row))
  expect(explanation).toContain(id)
  expect(explanation).toContain(expected.space)
}

for (const c of loadCorpus()) {
  describe(c.name, () => {
    const configError = c.configError
    if (configError) {
      it(`rejects the config with ${configError.code}`, () => {
        const error = caught(() => graphFor(c))
        expect(error).toBeInstanceOf(ModspaceError)
        const e = error as ModspaceError
        expect(e.code, e.message).toBe(configError.code)
        if (configError.configPath) expect(e.configPath).toBe(configError.configPath)
        expect(e.file).toBe(c.configFile)
        expect(e.message).toContain(configError.configPath ?? configError.code)
      })
      return
    }

    it('is well-formed for every adapter', () => {
      expect(corpusProblems(c)).toEqual([])
    })

    it.each(c.requests.map((row, index) => [label(row), index] as const))('%s', (_label, index) => {
      const row = c.requests[index]!
      const graph = graphAfter(c, index)
      if (isExpectedError(row.expect)) checkError(c, graph, row, row.expect.error)
      else checkAnswer(c, graph, row)
    })

    if (readConfig(c).native?.onConflict === 'warn') {
      it('warns of the native conflict instead of failing', () => {
        // The warning goes to onWarning and onto the answer that met the second copy.
        const warnings: string[] = []
        const graph = graphFor(c, warnings)
        const answers = c.requests.map((row) => graph.resolve(requestFor(c, row)))
        expect(warnings.some((w) => w.includes('MODSPACE_NATIVE_CONFLICT'))).toBe(true)
        expect(answers.some((a) => a.warnings?.some((w) => w.includes('MODSPACE_NATIVE_CONFLICT')))).toBe(true)
      })
    }
  })
}
