import vm from 'node:vm'
import { readCached, saveCached, sourceOf, type CompiledFile } from '../compile-cache.js'
import { declaresOwn } from '../cjs/compile-cjs.js'
import { processForNamespace } from '../views/esm-records.js'
import { moduleSyntaxError } from './syntax-error.js'
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

/** What the disk cache keeps of an ES module: the transform as compiled (its code and what linking reads). */
type EsmMeta = EsmTransform

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
  if (hit) {
    transform = hit.meta
    compiled = compile(transform.code, entry.file, hit.data)
  } else {
    ;({ transform, compiled } = transformAndCompile(entry))
  }
  if (!hit?.data || compiled.script.cachedDataRejected) {
    const { script } = compiled
    saveCached(entry, 'esm', { ...transform, code: compiled.code }, () => script.createCachedData())
  }
  const { code: _code, ...meta } = transform
  entry.esm = { ...meta, fn: compiled.fn }
  return entry.esm
}

function transformAndCompile(entry: CompiledFile): { transform: EsmTransform; compiled: Compiled } {
  const source = sourceOf(entry)
  try {
    let transform = transformEsm(source, entry.file)
    try {
      return { transform, compiled: compile(transform.code, entry.file) }
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
      transform = transformEsm(source, entry.file, { ast: true })
      return { transform, compiled: compile(transform.code, entry.file) }
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
}

/**
 * Compiled with `vm.Script`, file name set: stack frames carry the file (`CallSite.getFileName()`, which libraries
 * such as `callsites`, `parent-module` and `import-fresh` read to find their caller). A global `eval` with a
 * `sourceURL` compiles about a fifth faster, but its frames have no file name (only a script name, dropped altogether
 * for a path with white space), so it is not used.
 * `import()` in the module is `__ms_import()`, so the script needs no dynamic import of its own; the option only
 * keeps the importModuleDynamically callback Node would otherwise register for it out of the way.
 */
function compile(code: string, filename: string, cachedData?: Buffer): Compiled {
  let script: vm.Script
  try {
    script = new vm.Script(code, { filename, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER })
  } catch (error) {
    // A top-level `let process` cannot share the function's scope with the parameter: such a module has its own.
    if (!declaresOwn(error, 'process')) throw error
    code = code.replace(', process) {', ') {')
    script = new vm.Script(code, { filename, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER })
  }
  const fn = script.runInThisContext() as CompiledFunction
  return {
    fn: (deps, ns, meta, dynamicImport, defineExports) => fn(deps, ns, meta, dynamicImport, defineExports, processForNamespace(ns)),
    script,
    code,
  }
}
