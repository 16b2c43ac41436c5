import type { Compiler, ExternalModule, Module, ResolveData } from 'webpack'

type NormalModuleFactory = Parameters<Parameters<Compiler['hooks']['normalModuleFactory']['tap']>[1]>[0]
type FactorizeCallback = (error?: Error | null, module?: Module) => void

/**
 * A pinned native module for a Node bundle: an external `require()` of its real path. Node's own module cache then
 * loads it once per process whichever space asked, which is what pinning promises ("Module did not self-register"
 * is what a second load of a legacy addon gives). The path is absolute: the bundle runs beside the installed addon.
 */
export function nativeExternal(compiler: Compiler, file: string, esmOutput: boolean): ExternalModule {
  const { ExternalModule: External } = compiler.webpack
  return new External(file, esmOutput ? 'node-commonjs' : 'commonjs', file)
}

/**
 * Runs webpack's own factorization (resolve, rules, module creation) without the externals taps before it. An
 * override replaces the request, but externals read the dependency's written request (`node:net` stays external
 * for a Node target) and cannot be told otherwise; the default factorizer is the tap webpack names after the factory.
 */
export function factorizeWithoutExternals(factory: NormalModuleFactory, data: ResolveData, callback: FactorizeCallback): void {
  const own = factory.hooks.factorize.taps.find((tap) => tap.name === 'NormalModuleFactory')
  if (!own || own.type !== 'async') return callback()
  ;(own.fn as (data: ResolveData, callback: FactorizeCallback) => void)(data, callback)
}
