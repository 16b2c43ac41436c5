import vm from 'node:vm'
import { DYNAMIC, META } from './generated-names.js'

/**
 * Early errors of module code that a generator function's body accepts: V8 parses the rewritten body once more, in a
 * block, where top-level functions are lexical as in a module (two of one name, or a `var` and a function of one name,
 * are refused), in a context that refuses `return`, `yield` and `new.target`.
 *
 * That block is a class static block's, in a function that is never called: V8 only pre-parses such a function, which
 * reports every early error of its code (V8 owes them before anything runs) without making the syntax tree and the
 * bytecode that a script's top level gets: about a third less for typebox's bodies, whose functions (most of their
 * text) are pre-parsed either way. A static block refuses `return`, `yield` and `await` as a module does, but takes
 * `new.target` and refuses `arguments`, which a module does the other way round: a body that may hold either is parsed
 * in a strict block of a script instead, which refuses `new.target` and takes `arguments` (V8 takes `argument\u0073` in
 * a static block: a test pins it). So is a body with top-level `await`, in an async arrow function, which still
 * checks the declarations and refuses `yield` and `new.target`, but accepts `return` (the transform leaves a module
 * with a top-level `return` to rollup's parser).
 */
export function checkModuleBody(body: string, file: string, async: boolean, importedNames: string[]): void {
  // V8 refuses an HTML-like comment in a module (`<!--` anywhere in code, `-->` first on a line), which a script reads
  // as a comment: a NUL in it is refused in code, and changes nothing in a string, a comment or a regular expression.
  const html = hasHtmlComment(body)
  if (html) body = markHtmlComments(body)
  // `import(...)` and `import.meta` as written, for what V8 refuses in them: `import()` with no or three arguments,
  // `new import(x)`, `import(x) = 1` (a script may call import() too), and `import.meta = 1` (as `null`, which can be
  // read through and not assigned). Names starting with `__ms_` are the transform's own.
  if (body.includes(DYNAMIC)) body = body.replace(DYNAMIC_NAME, 'import')
  if (body.includes(META)) body = body.replace(META_NAME, 'null')
  // Imports are declared as what they are, lexical names of the module: `eval`, or a top-level declaration of the
  // same name, is refused.
  const imports = importedNames.length ? `let ${importedNames.join(', ')};` : ''
  let code: string
  if (async) code = `'use strict';(async () => {{${imports}${body}\n}})`
  else if (STATIC_BLOCK_DIFFERS.test(body)) code = `'use strict';{${imports}${body}\n}`
  else code = `function __ms_check() {class __ms_c {static {{${imports}${body}\n}}}}`
  try {
    new vm.Script(code, { filename: file })
  } catch (error) {
    // Node's error has no `cause`: the script's error is about the marks, not the module.
    // eslint-disable-next-line preserve-caught-error
    if (html && refusedForMark(error, code, file)) throw new SyntaxError('HTML comments are not allowed in modules')
    throw error
  }
}

/**
 * Whether the module's compiled function may accept an early error of module code, so that the body needs
 * `checkModuleBody`. The function compiles the body in a block with the imported names declared by `let`, which
 * refuses what a module refuses of its declarations; a top-level `return` sends the module to rollup's parser, which
 * refuses it. Left are what only the words in the body can tell: `yield` and `new.target` (a generator takes them),
 * `await` (a plain function takes it as a name), HTML-like comments (a script's comments) and `import()` or
 * `import.meta` in a form a module refuses. Each is looked for in the text, comments and strings included: a body
 * that merely mentions one is checked, as every body was.
 */
export function mayHideEarlyError(body: string): boolean {
  return (
    body.includes('yield') ||
    body.includes('await') ||
    // A keyword spelled with an escape (`aw\u0061it`) is a name a plain function takes.
    body.includes('\\u') ||
    body.includes('<!--') ||
    body.includes('-->') ||
    body.includes(DYNAMIC) ||
    body.includes(META) ||
    NEW_TARGET.test(body)
  )
}

/** `new.target` (comments may stand between `new` and the dot). */
const NEW_TARGET = /\bnew\b(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)*\./

/** `arguments`, or `new.target`. */
const STATIC_BLOCK_DIFFERS = new RegExp(`\\barguments\\b|${NEW_TARGET.source}`)

/**
 * A mark is refused as an invalid token: the body's first error is an HTML-like comment when the body without the
 * marks (the comment's tokens spaced apart, as a module reads them) parses, or fails otherwise. Another invalid token
 * before the comment would be taken for it: the body is refused either way.
 */
function refusedForMark(error: unknown, code: string, file: string): boolean {
  if ((error as Error).message !== INVALID) return false
  try {
    new vm.Script(code.replace(MARKS, '').replace(HTML_TOKENS, (token) => `${token.slice(0, 2)} ${token.slice(2)}`), { filename: file })
    return true
  } catch (unmarked) {
    return (unmarked as Error).message !== INVALID
  }
}

const HTML_TOKENS = /<!--|-->/g
const INVALID = 'Invalid or unexpected token'

function hasHtmlComment(body: string): boolean {
  return body.includes('<!--') || body.includes('-->')
}

const MARKS = /\0(?=<!--|-->)/g

function markHtmlComments(body: string): string {
  body = body.replaceAll('<!--', '\0<!--')
  let marked = ''
  let from = 0
  for (let at = body.indexOf('-->'); at !== -1; at = body.indexOf('-->', at + 3)) {
    if (!afterLineTerminator(body, at)) continue
    marked += `${body.slice(from, at)}\0`
    from = at
  }
  return marked + body.slice(from)
}

/**
 * `-->` starts a comment in a script only after a line terminator: first on a line, or after a block comment that
 * holds one, with white space and block comments between. Looked for backwards (a regular expression for it
 * backtracked over every comment of a large file).
 */
function afterLineTerminator(body: string, at: number): boolean {
  let i = at - 1
  while (i >= 0) {
    const c = body[i]!
    if (LINE_TERMINATOR.test(c)) return true
    if (/\s/.test(c)) i--
    else if (c === '/' && body[i - 1] === '*') {
      const open = body.lastIndexOf('/*', i - 2)
      if (open === -1) return false
      if (LINE_TERMINATORS.test(body.slice(open + 2, i - 1))) return true
      i = open - 1
    } else return false
  }
  return true
}

const LINE_TERMINATOR = /^[\n\r\u2028\u2029]$/
const LINE_TERMINATORS = /[\n\r\u2028\u2029]/

const DYNAMIC_NAME = new RegExp(`\\b${DYNAMIC}\\b`, 'g')
const META_NAME = new RegExp(`\\b${META}\\b`, 'g')
