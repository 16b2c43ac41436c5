import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ModuleSpace } from '../src/index.js'
import { fixture } from './fixture-path.js'

// The same ES modules through Node's own loader (in a child process) and through a space: what they export must match.
const root = fixture('semantics')
const files = ['interop.js', 'live.js', 'cycle-a.js', 'star.js', 'star-sorted.js', 'shadow.js', 'uses-tla.js', 'defaults/fn.js', 'defaults/cls.js', 'defaults/arrow.js', 'defaults/named.js', 'defaults/ref.js', 'defaults/paren.js', 'defaults/static-block.js']

/** Exports as data: keys in order, values as JSON, functions and classes by their name. */
const describeExports = `(ns) => JSON.stringify(Object.keys(ns).map((k) => [k, typeof ns[k] === 'function' ? 'function ' + ns[k].name : ns[k]]))`

function native(): Record<string, string> {
  const script = `const d = ${describeExports}; const out = {}; for (const f of ${JSON.stringify(files)}) out[f] = d(await import(${JSON.stringify(root)} + '/' + f)); console.log(JSON.stringify(out))`
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }))
}

describe('parity with Node', () => {
  it('exports the same names and values as Node for cycles, re-exports, shadowing, top-level await and default exports', async () => {
    const expected = native()
    const space = new ModuleSpace({ parent: undefined, root, delegation: 'self-first' })
    const describe = eval(describeExports) as (ns: object) => string
    const actual: Record<string, string> = {}
    for (const file of files) actual[file] = describe(await space.import(join(root, file)))
    await space.dispose()
    expect(actual).toEqual(expected)
  }, 30_000)
})
