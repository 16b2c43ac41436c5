import type { ModspaceErrorDetails } from '../errors.js'
import type { ResolveContext, ResolveEnvironment } from './resolve-graph.js'

/** The "where" of an error raised while resolving: the space, the request and its importer, the config file, the trace so far. */
export function errorContext(env: ResolveEnvironment, space: string, ctx: ResolveContext): ModspaceErrorDetails {
  return {
    space,
    specifier: ctx.specifier,
    ...(ctx.importer ? { importer: ctx.importer } : {}),
    ...(env.config.configFile ? { file: env.config.configFile } : {}),
    trace: ctx.trace,
  }
}
