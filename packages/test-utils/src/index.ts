import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'

/** The repo's `conformance/cases` folder. */
export const CORPUS_DIR = resolve(fileURLToPath(import.meta.url), '../../../../conformance/cases')

export type ExpectedResult = { space: string; id: string; kind: 'file' | 'builtin' | 'native' | 'override' | 'blocked' }
export type ExpectedError = { error: string }

export interface CorpusRequest {
  space: string
  /** The importer, relative to the case folder; absent: the space's root. */
  from?: string
  specifier: string
  kind?: 'import' | 'require'
  expect: ExpectedResult | ExpectedError
  /** The export name under which `from` exposes the module this row resolves. */
  load?: string
}

export interface CorpusCase {
  name: string
  /** Absolute path of the case folder. */
  dir: string
  description: string
  rules: string[]
  /** Absolute path of `modspace.config.json`. */
  configFile: string
  configError?: { code: string; configPath?: string }
  requests: CorpusRequest[]
}

/** One module an adapter must load as an entry of a space; `rows` are the rows that read its exports. */
export interface LoadTarget {
  space: string
  /** Absolute path. */
  from: string
  rows: CorpusRequest[]
}

export function isExpectedError(expect: CorpusRequest['expect']): expect is ExpectedError {
  return 'error' in expect
}

/** Every case, sorted by name. `only` filters by name. */
export function loadCorpus(only?: (name: string) => boolean): CorpusCase[] {
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && (!only || only(d.name)))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(CORPUS_DIR, name)
      const data = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'))
      return {
        name,
        dir,
        description: data.description ?? '',
        rules: data.rules ?? [],
        configFile: join(dir, 'modspace.config.json'),
        ...(data.configError ? { configError: data.configError } : {}),
        requests: data.requests ?? [],
      }
    })
}

/** The `(space, from)` pairs whose rows have `load`: what an adapter must load to check instances. */
export function loadTargets(c: CorpusCase): LoadTarget[] {
  const targets = new Map<string, LoadTarget>()
  for (const row of c.requests) {
    if (!row.load || !row.from) continue
    const from = join(c.dir, row.from)
    const key = `${row.space}\0${from}`
    let target = targets.get(key)
    if (!target) targets.set(key, (target = { space: row.space, from, rows: [] }))
    target.rows.push(row)
  }
  return [...targets.values()]
}

/** The per-instance token a fixture module exports, through ESM/CJS interop if need be. */
export function tokenOf(value: unknown): object | undefined {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined
  const v = value as Record<string, any>
  if (v.token && typeof v.token === 'object') return v.token
  if (v.default && typeof v.default === 'object' && v.default.token && typeof v.default.token === 'object') return v.default.token
  return undefined
}

export interface InstanceMismatch {
  message: string
}

/**
 * The one instance assertion: given what each load target exported (`null` when loading it failed, with the error),
 * returns every disagreement with the corpus. Empty means the adapter agrees.
 */
export function checkInstances(
  c: CorpusCase,
  loaded: (target: LoadTarget) => { exports: Record<string, unknown> } | { error: unknown },
): InstanceMismatch[] {
  const problems: InstanceMismatch[] = []
  const seen: Array<{ key: ExpectedResult; token: object; row: CorpusRequest }> = []
  for (const target of loadTargets(c)) {
    const result = loaded(target)
    const failing = target.rows.filter((r) => isExpectedError(r.expect) || (r.expect as ExpectedResult).kind === 'blocked')
    if ('error' in result) {
      const message = String((result.error as Error)?.message ?? result.error)
      if (failing.length === 0) problems.push({ message: `${c.name}: loading ${target.from} in "${target.space}" failed: ${message}` })
      else if (!failing.some((r) => message.includes(isExpectedError(r.expect) ? r.expect.error : 'MODSPACE_BLOCKED'))) {
        problems.push({ message: `${c.name}: loading ${target.from} in "${target.space}" failed, but not with the expected code: ${message}` })
      }
      continue
    }
    if (failing.length) {
      problems.push({ message: `${c.name}: loading ${target.from} in "${target.space}" should have failed (${failing.map((r) => r.specifier).join(', ')})` })
      continue
    }
    for (const row of target.rows) {
      const expect = row.expect as ExpectedResult
      if (expect.kind === 'builtin') continue
      const token = tokenOf(result.exports[row.load!])
      if (!token) {
        problems.push({ message: `${c.name}: ${row.from} in "${row.space}" exports no token under "${row.load}"` })
        continue
      }
      seen.push({ key: expect, token, row })
    }
  }
  for (let i = 0; i < seen.length; i++) {
    for (let j = i + 1; j < seen.length; j++) {
      const a = seen[i]!
      const b = seen[j]!
      if (a.key.id !== b.key.id) continue
      const same = a.key.space === b.key.space
      if (same !== (a.token === b.token)) {
        problems.push({
          message: `${c.name}: "${a.row.specifier}" from ${a.row.from} ("${a.row.space}") and "${b.row.specifier}" from ${b.row.from} ("${b.row.space}") ` +
            (same ? `should be one instance (owned by "${a.key.space}") but are two` : `should be two instances (owned by "${a.key.space}" and "${b.key.space}") but are one`),
        })
      }
    }
  }
  return problems
}

/** Compares a `resolve()` answer with a row's expectation; `undefined` when they agree. */
export function compareResolution(c: CorpusCase, row: CorpusRequest, actual: { space: string; id: string; kind: string }): string | undefined {
  const expect = row.expect as ExpectedResult
  const id = actual.id.startsWith(`${c.dir}/`) ? actual.id.slice(c.dir.length + 1) : actual.id
  const got = { space: actual.space, id, kind: actual.kind }
  return isDeepStrictEqual(got, { space: expect.space, id: expect.id, kind: expect.kind })
    ? undefined
    : `${c.name}: "${row.specifier}" in "${row.space}" from ${row.from ?? '(root)'}: expected ${JSON.stringify(expect)}, got ${JSON.stringify(got)}`
}

/** A fresh temporary folder, removed by `cleanup()`. */
export function makeTempDir(prefix = 'modspace-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
