import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from '@modspace/test-utils'
import { afterAll, describe, expect, it } from 'vitest'
import { compileCjs, mayImportDynamically } from '../src/cjs/compile-cjs.js'
import { ModuleSpace } from '../src/index.js'

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
    ['an import after a string holding /*', 'const s = "/*"; module.exports = import("./x.mjs")'],
    ['an import in a generator method', 'class A {\n  *g() { yield import("./x.mjs") }\n}'],
    ['an import multiplied on a line of its own', 'const n = a\n  * import("./x.mjs")'],
    ['an import after the end of a block comment', '/* a\n */ import("./x.mjs")'],
    ['an import in a template substitution on a line that starts with //', 'const s = `\n// ${import("./x.mjs")}`'],
    ['an import after a string continued onto a line that starts with //', 'const s = "a\\\n// b" + import("./x.mjs")'],
    ['an import in a template substitution on a line that looks like a JSDoc tag', 'module.exports = () => `\n * @see ${import("./x.mjs")}`'],
    ['an import after a string continued onto a line that looks like a JSDoc tag', 'const s = "a\\\n * @x " + import("./y.mjs")'],
  ])('is true for %s', (_, code) => {
    expect(mayImportDynamically(code)).toBe(true)
  })

  it.each([
    ['a JSDoc typedef', '/** @typedef {import("./Compiler")} Compiler */\nmodule.exports = 1'],
    ['a JSDoc block line', '/**\n * @param {import("./x").X} x\n */\nfunction f(x) {}'],
    ['a JSDoc tag line with a generic', '/**\n * @returns {Promise<import("./x").X>} x\n */'],
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

// Where the pre-check wrongly said "no", import() reached V8's default loader, which vm code has none of
// (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING); Node loads the module.
describe('a CommonJS module of a space', () => {
  const temp = makeTempDir('modspace-cjs-import-')
  afterAll(() => temp.cleanup())
  let count = 0
  it.each([
    ['a string holding /* on its line', 'const s = "/*"; module.exports = import("./x.mjs")\n'],
    ['a generator method', 'class A {\n  *g() { yield import("./x.mjs") }\n}\nmodule.exports = new A().g().next().value\n'],
  ])('imports dynamically after %s, as in Node', async (_, source) => {
    const root = join(temp.dir, `p${++count}`)
    mkdirSync(root)
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: `p${count}`, version: '1.0.0' }))
    writeFileSync(join(root, 'x.mjs'), 'export const v = 1\n')
    writeFileSync(join(root, 'm.cjs'), source)
    const space = new ModuleSpace({ root, cache: false })
    expect((await space.require('./m.cjs')).v).toBe(1)
    await space.dispose()
  })
})
