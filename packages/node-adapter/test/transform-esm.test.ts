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

  it('leaves a semicolon for a removed import or export in both paths, so that the lines around it stay two statements', () => {
    const source = "const a = 1\nexport { a }\n(function () {})()\nimport './b.js'\n[1].map(String)\n"
    for (const ast of [false, true]) {
      const { code, bodyStart } = transformEsm(source, '/x.js', { ast })
      expect(code.slice(bodyStart, -4)).toBe('const a = 1\n;\n(function () {})()\n;\n[1].map(String)\n')
    }
  })

  it('names the file in a syntax error', () => {
    expect(() => transformEsm('export const = 1', '/broken.js')).toThrow(/broken\.js/)
  })

  // [source, declared]: `export { x }` without `from` needs a top-level declaration or an import of x (Node refuses
  // the module otherwise). The scan confirms the plain forms itself and leaves the rest to the AST path.
  const localExports: Array<[string, boolean]> = [
    ['export { x }', false],
    ['var x; export { x }', true],
    ['let a = 1, x = 2; export { x }', true],
    ['const { x } = o; export { x }', true],
    ['if (a) { var x } export { x }', true],
    ['for (var x of y) {} export { x }', true],
    ['if (a) { let x } export { x }', false],
    ['{ function x() {} } export { x }', false],
    ['function* x() {} export { x }', true],
    ['async function x() {} export { x }', true],
    ['class x {} export { x }', true],
    ['const y = class x {}; export { x }', false],
    ['const y = function x() {}; export { x }', false],
    ['function f() { var x } export { x }', false],
    ['class C { static { var x } } export { x }', false],
    ['export { x }; import { x } from "y"', true],
    ['import * as x from "y"; export { x }', true],
    ['export default function x() {} export { x as y }', true],
    ['export const x = 1; export { x as "y z" }', true],
  ]
  for (const [source, declared] of localExports) {
    it(`${declared ? 'accepts' : 'refuses'} ${source} in both paths`, () => {
      for (const ast of [false, true]) {
        const transform = () => transformEsm(source, '/x.js', { ast })
        if (declared) expect(transform).not.toThrow()
        else expect(transform).toThrow(/^Export 'x' is not defined in module \(in \/x\.js\)$/)
      }
    })
  }
})
