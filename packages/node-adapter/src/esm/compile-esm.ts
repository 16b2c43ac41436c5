import vm from 'node:vm'
import { sourceOf, type CompiledFile } from '../compile-cache.js'
import { checkModuleBody } from './check-module-body.js'
import { transformEsm, type EsmTransform } from './transform-esm.js'

export type EsmFunction = (
  deps: object[],
  ns: object,
  meta: object | undefined,
  dynamicImport: (specifier: string, options?: unknown) => Promise<unknown>,
  defineExports: (ns: object, getters: Record<string, () => unknown>) => void,
) => Generator<unknown, void, unknown> | AsyncGenerator<unknown, void, unknown>

export interface CompiledEsm extends Omit<EsmTransform, 'code'> {
  fn: EsmFunction
}

/**
 * Transforms and compiles an ES module once per version of the file. The transform's fast path (a token scan) turns
 * a name it took for a reference but that is declared again into `__ms_iN.name`, which does not compile: a syntax
 * error here is answered by the AST path, which also reports the module's own syntax errors with its file name.
 */
export function compileEsm(entry: CompiledFile): CompiledEsm {
  if (entry.esm) return entry.esm
  const source = sourceOf(entry)
  let transform = transformEsm(source, entry.file)
  let fn: EsmFunction
  try {
    fn = compile(transform.code, entry.file)
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    transform = transformEsm(source, entry.file, { ast: true })
    fn = compile(transform.code, entry.file)
  }
  checkModuleBody(transform.code.slice(transform.bodyStart, -3), entry.file, transform.async, transform.importedNames)
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
  return new vm.Script(code, { filename, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }).runInThisContext() as EsmFunction
}
