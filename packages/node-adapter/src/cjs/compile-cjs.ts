import vm from 'node:vm'
import { initSync, parse as lexModule } from 'es-module-lexer'
import { readCached, saveCached, sourceOf, type CompiledFile } from '../compile-cache.js'

/** The CommonJS wrapper, as Node's, plus the space's `import()` (V8 gives `vm` code no loader without a flag). */
export type CjsFunction = (
  this: unknown,
  exports: unknown,
  require: NodeJS.Require,
  module: NodeJS.Module,
  filename: string,
  dirname: string,
  dynamicImport: (specifier: string, options?: unknown) => Promise<unknown>,
  process: NodeJS.Process,
) => void

/** `process` last: the space's view of it (see views/process-view.ts), so that its doors lead to the space. */
const PARAMS = ['exports', 'require', 'module', '__filename', '__dirname', '__ms_import', 'process']

/** What a CommonJS file's compile learned, kept in the disk cache beside V8's code cache. */
interface CjsMeta {
  /** Offsets of the `import(` to rewrite; `null`: the lexer failed, the host's loader takes what it finds. */
  imports: number[] | null
  /** A top-level `let process`: compiled without the `process` parameter. */
  ownProcess: boolean
}

/**
 * Compiles a CommonJS file once per version of the file (a `SyntaxError` propagates, for `detect`). What the compile
 * learns (where `import()` is, which lexing a large file costs on every load otherwise) and V8's code cache are kept
 * in the disk cache; a code cache V8 rejects (another V8 flag) is made again and written over it. A cached entry
 * is never used for another text: it is found by the digest of the source.
 */
export function compileCjs(entry: CompiledFile): CjsFunction {
  if (entry.cjs) return entry.cjs
  // The cache first: its key is the digest of the file's bytes as read, which the text then decodes, rather than of the
  // text, which hashing would encode to UTF-8 again (~5 ms of CPU for typescript's 9 MB file).
  const hit = readCached<CjsMeta>(entry, 'cjs')
  let code = sourceOf(entry)
  if (code.startsWith('#!')) code = `//${code.slice(2)}`
  const imports = hit ? hit.meta.imports : dynamicImportsOf(code, entry.file)
  if (imports?.length) code = rewriteAt(code, imports)
  const options = {
    filename: entry.file,
    // `import()` the lexer could not find goes to the host's loader rather than failing (registering costs time: only then).
    ...(imports === null ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  }
  let ownProcess = hit?.meta.ownProcess ?? false
  let fn: CodeCachedFunction
  const compile = (cache: { cachedData?: Buffer; produceCachedData?: boolean }) =>
    vm.compileFunction(code, ownProcess ? PARAMS.slice(0, -1) : PARAMS, { ...options, ...cache }) as unknown as CodeCachedFunction
  // V8's code cache is made the second time a version of the file is loaded, as Chrome makes it on a script's second
  // run: serialising as it compiles costs a first load a fifth more, paid for nothing by a file loaded only once.
  const cache = hit?.data ? { cachedData: hit.data } : { produceCachedData: hit !== undefined }
  try {
    fn = compile(cache)
  } catch (error) {
    // `let process = ...` at the top level cannot share a scope with a parameter of that name. Such a module has its
    // own `process` and never reads the global one: it is compiled without the parameter.
    if (ownProcess || !declaresOwn(error, 'process')) throw error
    ownProcess = true
    fn = compile(cache)
  }
  const meta: CjsMeta = { imports, ownProcess }
  if (!hit) saveCached(entry, 'cjs', meta)
  else if (!hit.data) saveCached(entry, 'cjs', meta, fn.cachedData)
  else if (fn.cachedDataRejected) saveCached(entry, 'cjs', meta, () => compile({ produceCachedData: true }).cachedData)
  entry.cjs = fn
  return fn
}

/** `vm.compileFunction`'s result with its code cache fields (missing from Node's types). */
type CodeCachedFunction = CjsFunction & { cachedData?: Buffer; cachedDataRejected?: boolean }

/**
 * Offsets of the file's real `import(` (`null` when the lexer fails). `__ms_import(...)` is a plain call, which
 * accepts what `import(...)` may not (no or three arguments, `new`, an assignment to it): V8 parses the file as
 * written first, so that it refuses what Node refuses, with its message. A cached entry's text passed that check.
 */
function dynamicImportsOf(code: string, filename: string): number[] | null {
  if (!mayImportDynamically(code)) return []
  const found = findDynamicImports(code)
  if (found?.length) {
    try {
      vm.compileFunction(code, PARAMS, { filename })
    } catch (error) {
      if (!declaresOwn(error, 'process')) throw error
      vm.compileFunction(code, PARAMS.slice(0, -1), { filename })
    }
  }
  return found
}

/** Whether `error` is V8's early error for a top-level `let`/`const`/`class` named like a parameter. */
export function declaresOwn(error: unknown, name: string): boolean {
  return error instanceof SyntaxError && error.message === `Identifier '${name}' has already been declared`
}

/**
 * Whether `code` may hold a real `import(`: false when every occurrence is plainly in a comment or a string. Most
 * matches in real trees are JSDoc types (`@type {import("./x")}`: 300 of webpack's 930 files), and lexing each of
 * those files cost more than a tenth of a cold load. Any occurrence this cannot rule out sends the file to the lexer,
 * which decides exactly; a wrong "yes" costs a lex, never a wrong answer.
 *
 * Each rule reads the match's own line only, so each holds whatever the line starts in: code, a block comment or a
 * template literal's text. A line that could leave those before the match (a backquote, `${`, `*` + `/`) or that
 * continues a string from the line before (a backslash ending it) is never cleared by a rule that needs it.
 */
export function mayImportDynamically(code: string): boolean {
  const pattern = /\bimport\s*\(/g
  for (let match = pattern.exec(code); match; match = pattern.exec(code)) {
    const at = match.index
    const before = code.charCodeAt(at - 1)
    // Directly after a quote: the start of a string ("import()" as text); code cannot put an import there.
    if (before === 0x22 || before === 0x27 || before === 0x60) continue
    const lineStart = code.lastIndexOf('\n', at) + 1
    const line = code.slice(lineStart, at)
    const lead = line.trimStart()
    // Every rule below reads the line alone: a line that may start or leave a template's text or a continued string
    // goes to the lexer (`${import(...)}` on a template line that looks like JSDoc is code).
    if (!staysPut(code, lineStart, line)) return true
    // A JSDoc tag line (" * @type {import(...)}"): as code, `* @` is a syntax error (V8 has no decorators), which the
    // file then gives with or without its import() rewritten.
    if (/^\*\s+@/.test(lead)) continue
    // A line comment.
    if (lead.startsWith('//')) continue
    // Inside a block comment opened earlier on the line, with nothing before it that could open a string, a regular
    // expression or a template, and not closed before the match.
    const open = line.indexOf('/*')
    if (open !== -1 && !/["'/]/.test(line.slice(0, open))) continue
    if (inQuotes(line)) continue
    return true
  }
  return false
}

/**
 * Whether the text of `line` before the match cannot leave the state the line starts in (a template's text, a block
 * comment) nor start in a string continued from the line before. `*` + `/` counts even where it is not a comment's end:
 * cheaper than telling, and rare on such lines.
 */
function staysPut(code: string, lineStart: number, line: string): boolean {
  if (line.includes('`') || line.includes('${') || line.includes('*/')) return false
  const end = code.charCodeAt(lineStart - 2) === 0x0d ? lineStart - 3 : lineStart - 2
  return lineStart === 0 || code.charCodeAt(end) !== 0x5c
}

/**
 * Whether `line` (a line's text up to a match, see `staysPut`) ends inside a '…' or "…" string: React's messages
 * quote `lazy(() => import('./MyComponent'))`. Only without a `/` (a comment, a regular expression) do its quotes
 * tell exactly.
 */
function inQuotes(line: string): boolean {
  if (line.includes('/')) return false
  let quote = 0
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (quote === 0) {
      if (c === 0x22 || c === 0x27) quote = c
    } else if (c === 0x5c) {
      i++
    } else if (c === quote) {
      quote = 0
    }
  }
  return quote !== 0
}

/**
 * Where `code` calls `import(`, so that `import(x)` → `__ms_import(x)` makes a CommonJS module's dynamic imports
 * resolve in its space. es-module-lexer tells real `import(` from the same text in strings and comments at a
 * fraction of a parse's cost.
 */
function findDynamicImports(code: string): number[] | null {
  let imports
  try {
    lexerReady ||= (initSync(), true)
    ;[imports] = lexModule(code)
  } catch {
    return null
  }
  return imports.filter((found) => found.t === DYNAMIC_IMPORT).map((found) => found.ss)
}

function rewriteAt(code: string, offsets: number[]): string {
  let out = ''
  let last = 0
  for (const at of offsets) {
    out += `${code.slice(last, at)}__ms_import`
    last = at + 'import'.length
  }
  return out + code.slice(last)
}

/** es-module-lexer's `ImportType.Dynamic` (a const enum, not a value at run time). */
const DYNAMIC_IMPORT = 2
let lexerReady = false
