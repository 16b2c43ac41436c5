import type { ResolveData } from 'webpack'
import type { NormalModuleFactory } from './factorize-without-externals.js'

type ResolveOptions = NonNullable<ResolveData['resolveOptions']>
const withTypes = new WeakMap<object, Map<string, ResolveOptions>>()
const NO_OPTIONS = {}

/**
 * The file webpack's own resolver finds for the dependency as written, with the build's `resolve` options
 * (`extensions: ['.ts', ...]`, `mainFiles`), or `undefined`. Options objects are memoised: webpack caches resolvers
 * by their identity, as its own factory does.
 */
export function locateWithWebpack(factory: NormalModuleFactory, data: ResolveData): Promise<string | undefined> {
  const base = data.resolveOptions ?? NO_OPTIONS
  let byType = withTypes.get(base)
  if (!byType) withTypes.set(base, (byType = new Map()))
  let options = byType.get(data.dependencyType)
  if (!options) byType.set(data.dependencyType, (options = { ...base, dependencyType: data.dependencyType } as ResolveOptions))
  const resolver = factory.getResolver('normal', options)
  const { fileDependencies, missingDependencies, contextDependencies } = data
  return new Promise((resolve) => {
    resolver.resolve(data.contextInfo, data.context, data.request, { fileDependencies, missingDependencies, contextDependencies }, (error, found) => {
      resolve(!error && typeof found === 'string' ? found.replace(/\?.*$/, '') : undefined)
    })
  })
}
