import vm from 'node:vm'
import { sourceOf, type CompiledFile } from '../compile-cache.js'
import { transformEsm, type EsmTransform } from './transform-esm.js'

export type EsmFunction = (
  deps: object[],
  ns: object,
  meta: object,
  dynamicImport: (specifier: string, options?: unknown) => Promise<unknown>,
  defineExports: (ns: object, getters: Record<string, () => unknown>) => void,
) => Generator<unknown, void, unknown> | AsyncGenerator<unknown, void, unknown>

export interface CompiledEsm extends Omit<EsmTransform, 'code'> {
  fn: EsmFunction
}

/** Transforms and compiles an ES module once per version of the file. */
export function compileEsm(entry: CompiledFile): CompiledEsm {
  if (entry.esm) return entry.esm
  const { code, ...meta } = transformEsm(sourceOf(entry), entry.file)
  const fn = new vm.Script(code, { filename: entry.file, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }).runInThisContext() as EsmFunction
  entry.esm = { ...meta, fn }
  return entry.esm
}
