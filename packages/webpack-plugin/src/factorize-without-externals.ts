import type { Compiler, Module, ResolveData } from 'webpack'

export type NormalModuleFactory = Parameters<Parameters<Compiler['hooks']['normalModuleFactory']['tap']>[1]>[0]
type FactorizeCallback = (error?: Error | null, module?: Module) => void

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
