import { ErrorCodes, ModspaceError } from '../errors.js'
import { errorContext } from './error-context.js'
import type { ResolveContext, ResolveEnvironment } from './resolve-graph.js'
import type { PackageInfo } from './types.js'

/**
 * Rule 5's conflict check, on the answer of one `resolve()`: the first copy of a native package any space reaches is
 * remembered; another copy (another real folder) reached later is a conflict, an error or, under
 * `native.onConflict: 'warn'`, a warning on the answer and through `onWarning`.
 */
export function checkNativeConflict(env: ResolveEnvironment, pkg: PackageInfo, reachedFrom: string, ctx: ResolveContext): void {
  const seen = env.nativeSeen.get(pkg.name)
  if (!seen) {
    env.nativeSeen.set(pkg.name, { root: pkg.root, space: reachedFrom, via: pkg.version })
    return
  }
  if (seen.root === pkg.root) return
  const summary = `two copies of the native package ${pkg.name}: ${pkg.name}@${seen.via} at ${seen.root} (reached from "${seen.space}") and ${pkg.name}@${pkg.version} at ${pkg.root} (reached from "${reachedFrom}").`
  const fix = `install ${pkg.name} once where the pin space "${env.config.native.pin}" resolves it and remove the other copy, or make the spaces share it`
  if (env.config.native.onConflict === 'warn') {
    const message = `[${ErrorCodes.NATIVE_CONFLICT}] ${summary} Both load; fix: ${fix}`
    ctx.warnings.push(message)
    env.onWarning(message)
    return
  }
  throw new ModspaceError(ErrorCodes.NATIVE_CONFLICT, summary, {
    configPath: 'native.onConflict',
    ...errorContext(env, reachedFrom, ctx),
    expected: `one copy of ${pkg.name} in the process`,
    fix,
  })
}
