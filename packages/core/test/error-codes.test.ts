import { readFileSync } from 'node:fs'
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
