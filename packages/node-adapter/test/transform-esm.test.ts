import { describe, expect, it } from 'vitest'
import { transformEsm } from '../src/esm/transform-esm.js'

// What the transform reports about a module, row by row: [description, source, expected metadata].
const metadata: Array<[string, string, Partial<ReturnType<typeof transformEsm>>]> = [
  ['no imports, one export', 'export const a = 1', { imports: [], exportNames: ['a'], async: false, stars: [] }],
  ['top-level await makes it async', 'await 0', { async: true }],
  ['await inside a function does not', 'async function f() { await 0 }', { async: false }],
  ['for await at the top level does', 'for await (const x of []) {}', { async: true }],
  ['imports in source order, one per specifier, with the names read', "import { b } from './b.js'\nimport a, { c } from './a.js'\nimport { d } from './b.js'", {
    imports: [{ specifier: './b.js', names: ['b', 'd'] }, { specifier: './a.js', names: ['default', 'c'] }],
  }],
  ['re-exports are imports and exports', "export { x as y } from './x.js'\nexport * from './s.js'\nexport * as ns from './n.js'", {
    imports: [{ specifier: './x.js', names: ['x'] }, { specifier: './s.js', names: [] }, { specifier: './n.js', names: [] }],
    exportNames: ['ns', 'y'],
    stars: [1],
  }],
  ['destructured exports and string names', "const o = {}\nexport const { a, b: [c] } = o\nexport { a as 'a b' }", { exportNames: ['a', 'a b', 'c'] }],
]

describe('transformEsm', () => {
  for (const [description, source, expected] of metadata) {
    it(description, () => {
      expect(transformEsm(source, '/x.js')).toMatchObject(expected)
    })
  }

  it('keeps every line where it was, so stack traces point at the source', () => {
    const source = "import {\n  a,\n} from './a.js'\nexport default function () {\n  return a\n}\nthrow new Error('line 7')\n"
    const { code } = transformEsm(source, '/x.js')
    expect(code.split('\n')).toHaveLength(source.split('\n').length + 1)
    expect(code.split('\n')[6]).toBe("throw new Error('line 7')")
    expect(code.split('\n')[4]).toBe('  return __ms_i0.a')
  })

  it('names the file in a syntax error', () => {
    expect(() => transformEsm('export const = 1', '/broken.js')).toThrow(/broken\.js/)
  })
})
