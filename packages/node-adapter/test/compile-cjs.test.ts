import { describe, expect, it } from 'vitest'
import { mayImportDynamically } from '../src/cjs/compile-cjs.js'

// The pre-check only decides which CommonJS files the lexer reads: a "no" must never be given for code that imports.
describe('mayImportDynamically', () => {
  it.each([
    ['an awaited import', "const m = await import('./m.js')"],
    ['a spaced import', 'module.exports = () => import ("./lazy.js")'],
    ['an import after a closed comment on the line', '/* lazy */ const p = import("./p.js")'],
    ['an import in a template substitution', 'const s = `${import("./t.js")}`'],
    ['an import on a line after a JSDoc type', '/** @type {import("./a").A} */\nconst a = import("./a.js")'],
  ])('is true for %s', (_, code) => {
    expect(mayImportDynamically(code)).toBe(true)
  })

  it.each([
    ['a JSDoc typedef', '/** @typedef {import("./Compiler")} Compiler */\nmodule.exports = 1'],
    ['a JSDoc block line', '/**\n * @param {import("./x").X} x\n */\nfunction f(x) {}'],
    ['an inline cast', 'const w = /** @type {typeof import("../index")} */ (require("../index"))'],
    ['a line comment', '// use import() for lazy chunks\nmodule.exports = 1'],
    ['a string that starts with it', 'const label = "import() eager"'],
    ['no import at all', 'module.exports = require("./x")'],
  ])('is false for %s', (_, code) => {
    expect(mayImportDynamically(code)).toBe(false)
  })
})
