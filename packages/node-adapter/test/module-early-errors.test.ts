import { afterEach, expect, it } from 'vitest'
import { ModuleSpace } from '../src/index.js'
import { fixture } from './fixture-path.js'

// Module code that a function body would accept but a module does not: refused before it runs, as Node refuses it.
let space: ModuleSpace
afterEach(async () => {
  await space?.dispose()
})

it.each([
  ['two top-level functions of one name', 'dup-function.js'],
  ['a var and a function of one name', 'var-function.js'],
  ['a top-level return', 'return.js'],
  ['a top-level yield', 'yield.js'],
  ['a top-level new.target', 'new-target.js'],
  ['two functions of one name beside top-level await', 'dup-function-tla.js'],
  ['an import named eval', 'import-eval.js'],
  ['two imports of one name (before resolving what they import)', 'dup-import.js'],
  ['an import and a var of one name', 'import-var.js'],
  ['an export clause followed by more code on its line', 'export-no-semicolon.js'],
  ['an export name with a lone surrogate', 'export-lone-surrogate.js'],
  ['a string exported without from', 'export-string-local.js'],
  ['an HTML-like comment', 'html-comment.js'],
])('refuses %s with a SyntaxError', async (_, file) => {
  space = new ModuleSpace({ parent: undefined, root: fixture('semantics'), delegation: 'self-first' })
  await expect(space.import(`./early/${file}`)).rejects.toThrow(SyntaxError)
})
