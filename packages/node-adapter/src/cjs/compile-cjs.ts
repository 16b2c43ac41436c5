import vm from 'node:vm'
import { parse } from 'acorn'
import MagicString from 'magic-string'
import { sourceOf, type CompiledFile } from '../compile-cache.js'
import { walkAst, type AstNode } from '../walk-ast.js'

/** The CommonJS wrapper, as Node's, plus the space's `import()` (V8 gives `vm` code no loader without a flag). */
export type CjsFunction = (
  this: unknown,
  exports: unknown,
  require: NodeJS.Require,
  module: NodeJS.Module,
  filename: string,
  dirname: string,
  dynamicImport: (specifier: string, options?: unknown) => Promise<unknown>,
) => void

const PARAMS = ['exports', 'require', 'module', '__filename', '__dirname', '__ms_import']

/** Compiles a CommonJS file once per version of the file (a `SyntaxError` propagates, for `detect`). */
export function compileCjs(entry: CompiledFile): CjsFunction {
  if (entry.cjs) return entry.cjs
  let code = sourceOf(entry)
  if (code.startsWith('#!')) code = `//${code.slice(2)}`
  if (/\bimport\s*\(/.test(code)) code = rewriteDynamicImport(code)
  entry.cjs = vm.compileFunction(code, PARAMS, {
    filename: entry.file,
    // Left-over `import()` (a file acorn could not parse) goes to the host's loader rather than failing.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  }) as unknown as CjsFunction
  return entry.cjs
}

/** `import(x)` → `__ms_import(x)`, so that a CommonJS module's dynamic imports resolve in its space. */
function rewriteDynamicImport(code: string): string {
  let ast
  try {
    ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true })
  } catch {
    return code
  }
  const s = new MagicString(code)
  walkAst(ast as unknown as AstNode, {
    enter(node) {
      if (node.type === 'ImportExpression') s.overwrite(node.start, node.start + 'import'.length, '__ms_import')
    },
  })
  return s.toString()
}
