import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { ErrorCodes } from '../src/index.js'

// Codes are product surface: each one has its row in the table of docs/spec.md's "Errors" section.
const repo = fileURLToPath(new URL('../../..', import.meta.url))
const spec = readFileSync(join(repo, 'docs/spec.md'), 'utf8')
const errors = spec.slice(spec.indexOf('\n## Errors'), spec.indexOf('\n## ', spec.indexOf('\n## Errors') + 1))
const documented = [...errors.matchAll(/^\| `(MODSPACE_[A-Z_]+)` \|/gm)].map((m) => m[1])

it('every error code has its row in docs/spec.md, and every row is a code', () => {
  expect(documented.toSorted()).toEqual(Object.values(ErrorCodes).toSorted())
})

/** The TypeScript sources of every package, where codes are raised. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [readFileSync(path, 'utf8')] : []
  })
}

it('every documented code is raised somewhere in the packages (no row describes an error nothing throws)', () => {
  const packages = join(repo, 'packages')
  const text = readdirSync(packages).flatMap((name) => {
    try {
      return sources(join(packages, name, 'src'))
    } catch {
      return []
    }
  }).join('\n')
  const raised = Object.keys(ErrorCodes).filter((key) => new RegExp(`ErrorCodes\\.${key}\\b`).test(text))
  expect(raised.toSorted()).toEqual(Object.keys(ErrorCodes).toSorted())
})
