import { expect, it } from 'vitest'
import { semanticsSpaces } from './semantics-space.js'

// Module code that a function body would accept but a module does not: refused before it runs, as Node refuses it.
const fresh = semanticsSpaces()

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
  ['an import and a function of one name', 'import-function.js'],
  ['an import and a var of one name in a block', 'import-var-in-block.js'],
  ['a class and a function of one name', 'class-function.js'],
  ['await spelled with an escape as a name in a function', 'await-escaped.js'],
  ['an export clause followed by more code on its line', 'export-no-semicolon.js'],
  ['an export name with a lone surrogate', 'export-lone-surrogate.js'],
  ['a string exported without from', 'export-string-local.js'],
  ['an HTML-like comment', 'html-comment.js'],
  ['an HTML-like comment after code on its line', 'html-comment-after-code.js'],
  ['import() with no argument', 'import-no-argument.js'],
  ['import() with three arguments', 'import-three-arguments.js'],
  ['new import()', 'new-import.js'],
  ['an assignment to import.meta', 'import-meta-assign.js'],
  ['await as a parameter name', 'await-parameter.js'],
  ['await as a label', 'await-label.js'],
  ['an export of a name the module does not declare', 'export-undeclared.js'],
  ['an export of a name declared only in a block', 'export-block-scoped.js'],
  ['an export statement between a function head and its body', 'export-after-function-head.js'],
  ['a top-level return in a module with top-level await', 'return-with-await.js'],
  ['a top-level new.target in a module with top-level await', 'new-target-with-await.js'],
  ['export async, a line break, then function', 'export-async-line-break.js'],
])('refuses %s with a SyntaxError', async (_, file) => {
  await expect(fresh().import(`./early/${file}`)).rejects.toThrow(SyntaxError)
})

it('names the file in an early error the transform finds, as Node does: its URL and line head the stack', async () => {
  const error = await fresh().import('./early/export-no-semicolon.js').catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(SyntaxError)
  expect((error as Error).message).toBe("Unexpected token 'null'")
  expect((error as Error).stack).toMatch(/^file:\/\/\/.*\/early\/export-no-semicolon\.js:1\nexport \{\} null\n/)
})

it("refuses an export of an undeclared name in Node's words", async () => {
  const error = await fresh().import('./early/export-undeclared.js').catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(SyntaxError)
  expect((error as Error).message).toBe("Export 'Undeclared' is not defined in module")
})
