import vm from 'node:vm'
import { sourceOf, type CompiledFile } from '../compile-cache.js'
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
  const { code: _code, ...meta } = transform
  entry.esm = { ...meta, fn }
  return entry.esm
}

/** Indirect: the code sees only the global scope, as a script would. */
const globalEval = eval

/**
 * Compiled as a global eval with its file as `sourceURL`: stack traces name the file and line, as Node's do, and with
 * `--enable-source-maps` Node maps them through the module's own `sourceMappingURL` (it does not for `vm.Script`). It
 * is also about a fifth cheaper per module than `vm.Script`, whose per-script set-up is measurable over a cold tree.
 * `vm.Script` stays for when code from strings is disallowed (`--disallow-code-generation-from-strings`).
 * `import()` in the module is `__ms_import()`, so the script needs no dynamic import of its own; the option only
 * keeps the importModuleDynamically callback Node would otherwise register for it out of the way.
 */
function compile(code: string, filename: string): EsmFunction {
  if (evalAllowed && !/[\n\r\u2028\u2029]/.test(filename)) {
    try {
      return globalEval(`${code}\n//# sourceURL=${filename}`) as EsmFunction
    } catch (error) {
      if (!(error instanceof EvalError)) throw error
      evalAllowed = false
    }
  }
  return new vm.Script(code, { filename, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }).runInThisContext() as EsmFunction
}

let evalAllowed = true
