import vm from 'node:vm'
import { sourceOf, type CompiledFile } from '../compile-cache.js'
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

/**
 * Transforms and compiles an ES module once per version of the file. The transform's fast path (a token scan) turns
 * a name it took for a reference but that is declared again into `__ms_iN.name`, which does not compile: a syntax
 * error here is answered by the AST path. A module that does not compile that way either has a syntax error of its
 * own: it is reported as Node reports it (`moduleSyntaxError`).
 */
export function compileEsm(entry: CompiledFile): CompiledEsm {
  if (entry.esm) return entry.esm
  const source = sourceOf(entry)
  let transform: EsmTransform
  let fn: EsmFunction
  try {
    transform = transformEsm(source, entry.file)
    try {
      fn = compile(transform.code, entry.file)
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
      transform = transformEsm(source, entry.file, { ast: true })
      fn = compile(transform.code, entry.file)
    }
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    throw moduleSyntaxError(entry, source, error)
  }
  const { code: _code, ...meta } = transform
  entry.esm = { ...meta, fn }
  return entry.esm
}

/**
 * Compiled with `vm.Script`, file name set: stack frames carry the file (`CallSite.getFileName()`, which libraries
 * such as `callsites`, `parent-module` and `import-fresh` read to find their caller). A global `eval` with a
 * `sourceURL` compiles about a fifth faster, but its frames have no file name (only a script name, dropped altogether
 * for a path with white space), so it is not used.
 * `import()` in the module is `__ms_import()`, so the script needs no dynamic import of its own; the option only
 * keeps the importModuleDynamically callback Node would otherwise register for it out of the way.
 */
function compile(code: string, filename: string): EsmFunction {
  let fn: CompiledFunction
  try {
    fn = script(code, filename)
  } catch (error) {
    // A top-level `let process` cannot share the function's scope with the parameter: such a module has its own.
    if (!declaresOwn(error, 'process')) throw error
    fn = script(code.replace(', process) {', ') {'), filename)
  }
  return (deps, ns, meta, dynamicImport, defineExports) => fn(deps, ns, meta, dynamicImport, defineExports, processForNamespace(ns))
}

function script(code: string, filename: string): CompiledFunction {
  return new vm.Script(code, { filename, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }).runInThisContext() as CompiledFunction
}
