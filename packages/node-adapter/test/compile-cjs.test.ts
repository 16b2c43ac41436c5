import { describe, expect, it } from 'vitest'
import { compileCjs, mayImportDynamically } from '../src/cjs/compile-cjs.js'

// The pre-check only decides which CommonJS files the lexer reads: a "no" must never be given for code that imports.
describe('mayImportDynamically', () => {
  it.each([
    ['an awaited import', "const m = await import('./m.js')"],
    ['a spaced import', 'module.exports = () => import ("./lazy.js")'],
    ['an import after a closed comment on the line', '/* lazy */ const p = import("./p.js")'],
    ['an import in a template substitution', 'const s = `${import("./t.js")}`'],
    ['an import on a line after a JSDoc type', '/** @type {import("./a").A} */\nconst a = import("./a.js")'],
    ['an import after a closed string', 'const a = "x" + import("./a.js")'],
    ['an import after a string with an escaped quote', 'const a = "x\\"" + import("./a.js")'],
    ['an import after a string holding the other quote', `const a = "it's" + import('./a.js')`],
    ['an import after a regular expression holding a quote', `const a = /"/.test(s) && import('./a.js')`],
    ['an import in a substitution of a template begun on the line before', '`text\n"q ${import("./a.js")}`'],
    ['an import after a string continued from the line before', 'const a = "one \\\ntwo" + import("./a.js")'],
    ['an import after a string continued from a CRLF line before', 'const a = "one \\\r\ntwo" + import("./a.js")'],
  ])('is true for %s', (_, code) => {
    expect(mayImportDynamically(code)).toBe(true)
  })

  it.each([
    ['a JSDoc typedef', '/** @typedef {import("./Compiler")} Compiler */\nmodule.exports = 1'],
    ['a JSDoc block line', '/**\n * @param {import("./x").X} x\n */\nfunction f(x) {}'],
    ['an inline cast', 'const w = /** @type {typeof import("../index")} */ (require("../index"))'],
    ['a line comment', '// use import() for lazy chunks\nmodule.exports = 1'],
    ['a string that starts with it', 'const label = "import() eager"'],
    ['a message that quotes it', `error("lazy: Expected the result of a dynamic import() call", "const C = lazy(() => import('./C'))")`],
    ['a string after an escaped quote', `warn('it\\'s an import("./x") call')`],
    ['no import at all', 'module.exports = require("./x")'],
  ])('is false for %s', (_, code) => {
    expect(mayImportDynamically(code)).toBe(false)
  })
})

// `import(...)` becomes a call in a space: what the language refuses in it must still be refused, as Node does.
describe('compileCjs', () => {
  const entry = (source: string) => ({ file: '/virtual/dynamic.cjs', mtimeMs: 0, size: source.length, source })
  it.each([
    ['no argument', 'import()'],
    ['three arguments', "import('./a.js', {}, 1)"],
    ['new', "new import('./a.js')"],
    ['an assignment to it', "import('./a.js') = 1"],
    ['a spread argument', "import(...['./a.js'])"],
  ])('refuses import() with %s', (_, code) => {
    expect(() => compileCjs(entry(code))).toThrow(SyntaxError)
  })

  it('compiles a valid import() into a call of the space loader', () => {
    expect(compileCjs(entry("module.exports = () => import('./a.js', { with: { type: 'json' } })"))).toBeTypeOf('function')
  })
})
