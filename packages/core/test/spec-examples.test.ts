import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadGraph } from '../src/index.js'

// docs/spec.md shows each rule as lines `space specifier (from importer) → owner kind id`; every one must hold.
const repo = fileURLToPath(new URL('../../..', import.meta.url))
const example = join(repo, 'examples/plugin-host')
const spec = readFileSync(join(repo, 'docs/spec.md'), 'utf8')
const line = /^(\S+)\s+(\S+)(?:\s+\(from (\S+)\))?\s+→\s+(\S+)\s+(file|builtin|native|override|blocked)\s+(\S+)/
const examples = spec
  .split('\n')
  .map((text) => line.exec(text))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ space: m[1]!, specifier: m[2]!, from: m[3], owner: m[4]!, kind: m[5]!, id: m[6]! }))

describe('the examples in docs/spec.md', () => {
  it('are there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10)
  })

  it.each(examples)('$space $specifier → $owner $kind $id', async ({ space, specifier, from, owner, kind, id }) => {
    const graph = await loadGraph(example)
    const result = graph.resolve({ space, specifier, ...(from ? { importer: join(example, from) } : {}) })
    expect({ space: result.space, kind: result.kind, id: result.id.replace(`${example}/`, '') }).toEqual({ space: owner, kind, id })
  })
})
