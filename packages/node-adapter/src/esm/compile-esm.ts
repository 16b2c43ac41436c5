import vm from 'node:vm'
import { readCached, saveCached, sourceOf, type CompiledFile } from '../compile-cache.js'
import { declaresOwn } from '../cjs/compile-cjs.js'
import { processForNamespace } from '../views/esm-records.js'
import { moduleSyntaxError } from './syntax-error.js'
import { checkModuleBody, mayHideEarlyError } from './check-module-body.js'
import { fileUrlOf } from './file-url.js'
import { transformEsm, type EsmTransform } from './transform-esm.js'

export type EsmFunction = (
  deps: object[],
  ns: object,
  meta: object | undefined,
  dynamicImport: (specifier: string, options?: unknown) => Promise<unknown>,
  defineExports: (ns: object, getters: Record<string, () => unknown>) => void,
) => Generator<unknown, void, unknown> | AsyncGenerator<unknown, void, unknown>

/** The compiled code itself: its last parameter is the `process` the module reads (the space's view of it). */
type CompiledFunction = (...args: [...Parameters<EsmFunction>, NodeJS.Process]) => ReturnType<EsmFunction>

export interface CompiledEsm extends Omit<EsmTransform, 'code'> {
  fn: EsmFunction
}

/** What the disk cache keeps of an ES module: the transform as compiled (what linking reads; the code is the text). */
type EsmMeta = Omit<EsmTransform, 'code'>

/**
 * Transforms and compiles an ES module once per version of the file. The transform's fast path (a token scan) turns
 * a name it took for a reference but that is declared again into `__ms_iN.name`, which does not compile: a syntax
 * error here is answered by the AST path. A module that does not compile that way either has a syntax error of its
 * own: it is reported as Node reports it (`moduleSyntaxError`). The transform and V8's code cache are kept in the
 * disk cache, the code cache made once the module's first load has compiled the functions it runs.
 */
export function compileEsm(entry: CompiledFile): CompiledEsm {
  if (entry.esm) return entry.esm
  const hit = readCached<EsmMeta>(entry, 'esm')
  let transform: EsmTransform
  let compiled: Compiled
  if (hit?.text) {
    transform = { ...hit.meta, code: hit.text }
    // Looked up by export name: JSON gave it Object.prototype, whose names (`constructor`, `toString`) are export names too.
    Object.setPrototypeOf(transform.indirect, null)
    compiled = compile(transform.code, entry.file, transform.bodyStart, hit.data)
  } else {
    ;({ transform, compiled } = transformAndCompile(entry))
    // V8's second parse of the body, for the early errors a generator's body accepts: only on a fresh transform, since
    // a cached one passed it (and a module that fails it is never cached), and only for a body that may hold one.
    const body = transform.code.slice(transform.bodyStart, -4)
    if (mayHideEarlyError(body)) checkModuleBody(body, entry.file, transform.async, transform.importedNames)
  }
  const { code: _code, ...meta } = transform
  if (!hit?.text || !hit.data || compiled.script.cachedDataRejected) {
    const { script } = compiled
    saveCached(entry, 'esm', { ...meta, bodyStart: compiled.bodyStart }, () => script.createCachedData(), compiled.code)
  }
  entry.esm = { ...meta, fn: compiled.fn }
  return entry.esm
}

function transformAndCompile(entry: CompiledFile): { transform: EsmTransform; compiled: Compiled } {
  const source = sourceOf(entry)
  try {
    let transform = transformEsm(source, entry.file)
    try {
      return { transform, compiled: compile(transform.code, entry.file, transform.bodyStart) }
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
      transform = transformEsm(source, entry.file, { ast: true })
      return { transform, compiled: compile(transform.code, entry.file, transform.bodyStart) }
    }
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    throw moduleSyntaxError(entry, source, error)
  }
}

/** A compiled module, with its script (for its code cache) and the code compiled (which the cache keeps). */
interface Compiled {
  fn: EsmFunction
  script: vm.Script
  code: string
  /** Where the module's own code starts in `code`. */
  bodyStart: number
}

/**
 * Compiled with `vm.Script`, named by the file's URL as Node names an ES module: stack frames carry it
 * (`CallSite.getFileName()`, which libraries such as `callsites` and `parent-module` read to find their caller). A
 * global `eval` with a `sourceURL` compiles about a fifth faster, but its frames have no file name (only a script
 * name, dropped altogether for a path with white space), so it is not used.
 * `import()` in the module is `__ms_import()`, so the script needs no dynamic import of its own; the option only
 * keeps the importModuleDynamically callback Node would otherwise register for it out of the way.
 */
function compile(code: string, file: string, bodyStart: number, cachedData?: Buffer): Compiled {
  const filename = fileUrlOf(file)
  // Stripped TypeScript ends with Node's `//# sourceURL=` comment naming the file's URL, the script's name already
  // here; V8 ignores the offsets of a script that has one, so it goes.
  const comment = `\n//# sourceURL=${filename}\n}})`
  if (code.endsWith(comment)) code = `${code.slice(0, -comment.length)}\n}})`
  let script: vm.Script
  try {
    script = new vm.Script(code, { filename, ...bodyOffset(code, bodyStart), cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER })
  } catch (error) {
    // A top-level `let process` cannot share the function's scope with the parameter: such a module has its own.
    if (!declaresOwn(error, 'process')) throw error
    code = code.replace(OWN_PROCESS_HEAD, ') {')
    bodyStart -= OWN_PROCESS_HEAD.length - ') {'.length
    script = new vm.Script(code, { filename, ...bodyOffset(code, bodyStart), importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER })
  }
  const fn = script.runInThisContext() as CompiledFunction
  return {
    fn: (deps, ns, meta, dynamicImport, defineExports) => fn(deps, ns, meta, dynamicImport, defineExports, processForNamespace(ns)),
    script,
    code,
    bodyStart,
  }
}

const OWN_PROCESS_HEAD = ', process) {'

/**
 * Offsets that put the module's own code where it is in the file: the transform's prologue (the function's head,
 * export getters, the first `yield`) comes before the body's first line, at `bodyStart`, which would shift that line's
 * columns by its length; a prologue ending on a line of its own would be a line to take back.
 */
export function bodyOffset(code: string, bodyStart: number): { lineOffset: number; columnOffset: number } {
  let lines = 0
  for (let at = code.indexOf('\n'); at !== -1 && at < bodyStart; at = code.indexOf('\n', at + 1)) lines++
  return { lineOffset: lines === 0 ? 0 : -lines, columnOffset: lines === 0 ? -bodyStart : 0 }
}
